package com.nexustime.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nexustime.audit.AuditLog;
import com.nexustime.rules.ArtworkPriceCandidate;
import com.nexustime.system.web.ConflictException;
import com.nexustime.system.web.RuleViolationException;
import com.nexustime.system.web.Inputs;
import com.nexustime.workspace.WorkspaceSettings;

/**
 * The artwork price list: a price per complexity tier and a price per alteration, on the workspace or on one
 * client, each in force from a date on. Prices are never edited: a later {@code effectiveFrom} replaces an older
 * price from that day, so artworks priced earlier keep their history. Which price applies is the artwork-pricing
 * rules' decision ({@link ArtworkPricing}).
 */
@Service
public class ArtworkPriceList {

	static final String ENTITY = "ArtworkPrice";

	/**
	 * A piece price as the API contract shows it ({@code /piece-prices}): a tier row with the alteration price in
	 * force for the same owner on the tier row's start day (null when there is none).
	 */
	public record PiecePrice(Long id, Long contactId, String contactName, String complexityTier, BigDecimal price,
			BigDecimal alterationPrice, LocalDate effectiveFrom) {
	}

	/** A price list row with its client's name, for lists. */
	public record PriceView(Long id, String scope, Long contactId, String contactName, String item,
			String complexityTier, BigDecimal price, LocalDate effectiveFrom, Instant createdAt) {
	}

	/** A client a price can name, for the page's choices. */
	public record Option(Long id, String name) {
	}

	private static final String SELECT = """
			select ap.id, ap.scope, ap.contact_id, c.name contact_name, ap.item, ap.complexity_tier, ap.price,
			       ap.effective_from, ap.created_at
			  from artwork_price ap
			  left join contact c on c.id = ap.contact_id""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final WorkspaceSettings workspace;

	ArtworkPriceList(JdbcClient jdbc, AuditLog audit, WorkspaceSettings workspace) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.workspace = workspace;
	}

	/**
	 * Adds a piece price the contract's way: the tier row and, when {@code alterationPrice} is given, the
	 * alteration row of the same owner and start day (kept when that row already exists at the same price).
	 */
	@Transactional
	public PiecePrice createPiecePrice(NewPiecePrice input) {
		LocalDate from = startDay(input.getEffectiveFrom());
		PriceView created = create(input.row(NewArtworkPrice.Item.TIER, from));
		if (input.getAlterationPrice() != null) {
			BigDecimal wanted = input.getAlterationPrice().setScale(2, RoundingMode.HALF_UP);
			List<BigDecimal> existing = jdbc.sql("""
					select price from artwork_price
					 where item = 'ALTERATION' and coalesce(contact_id, 0) = ? and effective_from = ?""")
				.params(input.getContactId() == null ? 0L : input.getContactId(), from)
				.query(BigDecimal.class).list();
			if (existing.isEmpty()) {
				create(input.row(NewArtworkPrice.Item.ALTERATION, from));
			}
			else if (existing.get(0).compareTo(wanted) != 0) {
				throw new ConflictException("An alteration price of " + existing.get(0) + " already starts on " + from
						+ " for the same " + (input.getContactId() == null ? "workspace" : "client")
						+ "; add one with another effectiveFrom date instead.");
			}
		}
		return piecePrices(null, created.id()).get(0);
	}

	/**
	 * The tier rows in the contract's shape, each with the alteration price in force for its owner on its start
	 * day; with {@code contactId}, that client's rows and the workspace's.
	 */
	@Transactional(readOnly = true)
	public List<PiecePrice> piecePrices(Long contactId) {
		return piecePrices(contactId, null);
	}

	private List<PiecePrice> piecePrices(Long contactId, Long id) {
		return jdbc.sql("""
				select t.id, t.contact_id, c.name contact_name, t.complexity_tier, t.price,
				       (select a.price from artwork_price a
				         where a.item = 'ALTERATION' and a.scope = t.scope
				           and coalesce(a.contact_id, 0) = coalesce(t.contact_id, 0)
				           and a.effective_from <= t.effective_from
				         order by a.effective_from desc, a.id desc limit 1) alteration_price,
				       t.effective_from
				  from artwork_price t
				  left join contact c on c.id = t.contact_id
				 where t.item = 'TIER'
				   and (cast(:id as bigint) is null or t.id = :id)
				   and (cast(:contact as bigint) is null or t.contact_id = :contact or t.scope = 'WORKSPACE')
				 order by case t.scope when 'WORKSPACE' then 0 else 1 end, c.name nulls first,
				          lower(t.complexity_tier), t.effective_from desc, t.id""")
			.param("id", id).param("contact", contactId).query(PiecePrice.class).list();
	}

	/**
	 * The day a new price starts: the one given, else today in the workspace's zone. A price without a date never
	 * reaches back: artworks completed (and billed) before it keep the price they had.
	 */
	LocalDate startDay(LocalDate effectiveFrom) {
		return effectiveFrom != null ? effectiveFrom : LocalDate.now(workspace.current().zone());
	}

	@Transactional
	public PriceView create(NewArtworkPrice input) {
		boolean client = input.getScope() == NewArtworkPrice.Scope.CLIENT;
		if (client && input.getContactId() == null) {
			throw new RuleViolationException("contactId", "is required for a CLIENT price");
		}
		if (!client && input.getContactId() != null) {
			throw new RuleViolationException("contactId", "must be empty for a WORKSPACE price");
		}
		String tier = Inputs.blankToNull(input.getComplexityTier());
		tier = tier == null ? null : tier.trim();
		boolean perTier = input.getItem() == NewArtworkPrice.Item.TIER;
		if (perTier && tier == null) {
			throw new RuleViolationException("complexityTier", "is required for a TIER price");
		}
		if (!perTier && tier != null) {
			throw new RuleViolationException("complexityTier", "must be empty for an ALTERATION price");
		}
		if (client && !jdbc.sql("select exists (select 1 from contact where id = ?)").param(input.getContactId())
			.query(Boolean.class).single()) {
			throw new RuleViolationException("contactId", "There is no client " + input.getContactId() + ".");
		}
		LocalDate from = startDay(input.getEffectiveFrom());
		boolean taken = jdbc.sql("""
				select exists (select 1 from artwork_price
				                where scope = ? and coalesce(contact_id, 0) = ? and item = ?
				                  and lower(coalesce(complexity_tier, '')) = lower(?) and effective_from = ?)""")
			.params(input.getScope().name(), client ? input.getContactId() : 0L, input.getItem().name(),
					tier == null ? "" : tier, from)
			.query(Boolean.class).single();
		if (taken) {
			throw new ConflictException("A " + input.getScope() + " " + input.getItem() + " price for the same "
					+ (client ? "client" : "workspace") + (perTier ? " and tier" : "") + " already starts on " + from
					+ "; add one with another effectiveFrom date instead.");
		}
		long id = jdbc.sql("""
				insert into artwork_price (scope, contact_id, item, complexity_tier, price, effective_from)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(input.getScope().name(), input.getContactId(), input.getItem().name(), tier,
					input.getPrice().setScale(2, RoundingMode.HALF_UP), from)
			.query(Long.class).single();
		PriceView created = jdbc.sql(SELECT + " where ap.id = ?").param(id).query(PriceView.class).single();
		audit.record("CREATE", ENTITY, id, null, created);
		return created;
	}

	/** The price list, optionally one client's rows (with the workspace's); workspace first, newest start first. */
	@Transactional(readOnly = true)
	public List<PriceView> list(Long contactId) {
		String where = contactId == null ? "" : " where ap.contact_id = :contact or ap.scope = 'WORKSPACE'";
		var query = jdbc.sql(SELECT + where + """

				 order by case ap.scope when 'WORKSPACE' then 0 else 1 end, c.name nulls first, ap.item desc,
				          lower(ap.complexity_tier) nulls last, ap.effective_from desc, ap.id""");
		if (contactId != null) {
			query = query.param("contact", contactId);
		}
		return query.query(PriceView.class).list();
	}

	@Transactional(readOnly = true)
	public List<Option> clients() {
		return jdbc.sql("select id, name from contact order by name, id").query(Option.class).list();
	}

	/**
	 * Every row that could price an artwork of client {@code contactId}: the workspace's and that client's, every
	 * tier and every date. Which of them applies is the rules' to say.
	 */
	List<ArtworkPriceCandidate> candidates(long contactId) {
		return jdbc.sql("""
				select id, scope, contact_id, item, complexity_tier, price, effective_from from artwork_price
				 where scope = 'WORKSPACE' or contact_id = ?""")
			.param(contactId).query(ArtworkPriceCandidate.class).list();
	}
}
