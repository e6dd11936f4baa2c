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

/**
 * The artwork price list: a price per complexity tier and a price per alteration, on the workspace or on one
 * client, each in force from a date on. Prices are never edited: a later {@code effectiveFrom} replaces an older
 * price from that day, so artworks priced earlier keep their history. Which price applies is the artwork-pricing
 * rules' decision ({@link ArtworkPricing}).
 */
@Service
public class ArtworkPriceList {

	static final String ENTITY = "ArtworkPrice";

	/** Prices without a date apply from the beginning of time, as rates do. */
	static final LocalDate SINCE_ALWAYS = LocalDate.of(1970, 1, 1);

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

	ArtworkPriceList(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
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
		LocalDate from = input.getEffectiveFrom() == null ? SINCE_ALWAYS : input.getEffectiveFrom();
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
