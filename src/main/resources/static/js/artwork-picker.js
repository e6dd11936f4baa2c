// The artwork picker of per-piece projects (the /time form, and wherever a page includes
// fragments/artwork-picker): shown only when the chosen project is a per-piece one, filled with that project's
// artworks still in progress (and the one already chosen). The server checks the artwork belongs to the project.
(() => {
  const json = async (url) => {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    return response.ok ? response.json() : null;
  };
  const label = (a) => [a.name, a.packagingLevel, a.complexityTier && ('tier ' + a.complexityTier),
    a.alterationCount + (a.alterationCount === 1 ? ' alteration' : ' alterations')].filter(Boolean).join(' · ');

  /** Fills {@code select} with the artworks of {@code projectId}; answers whether the project is per-piece. */
  async function fill(select, projectId, selected) {
    select.replaceChildren(new Option('No artwork', ''));
    if (!projectId) return false;
    const project = await json(`/api/v1/projects/${encodeURIComponent(projectId)}`);
    if (!project || project.type !== 'PER_PIECE') return false;
    const artworks = await json(`/api/v1/projects/${encodeURIComponent(projectId)}/artworks`) || [];
    for (const a of artworks) {
      const chosen = selected != null && String(a.id) === String(selected);
      if (a.completedOn && !chosen) continue;
      select.add(new Option(label(a), a.id, chosen, chosen));
    }
    return true;
  }

  /** Wires a picker to its project select: refilled and shown or hidden whenever the project changes. */
  function attach(projectSelect, picker) {
    const select = picker.querySelector('select');
    const refresh = async (selected) => {
      picker.hidden = !(await fill(select, projectSelect.value, selected));
    };
    projectSelect.addEventListener('change', () => refresh(null));
    refresh(select.dataset.selected || null);
  }

  window.NexusArtworks = { fill, attach };
})();
