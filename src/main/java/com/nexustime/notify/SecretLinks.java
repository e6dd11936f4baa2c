package com.nexustime.notify;

import java.util.Optional;

/**
 * Rebuilds a secret link that queued mail must not hold (the client's signing link). A queued mail names the link
 * ({@code kind:id}, e.g. {@code approval-link:42}) and carries {@link #MARKER} where it goes; the outbox sender asks
 * the feature that owns the kind for the URL only when it hands the mail to the SMTP server. An interface, so the
 * outbox needs no knowledge of the features that mail secrets.
 */
public interface SecretLinks {

	/** Where the link goes in a queued mail's text and HTML. */
	String MARKER = "{{secret-link}}";

	/** What the outbox page shows instead of the marker. */
	String WITHHELD = "[link withheld: delivered to the recipient only]";

	/** The kind of link this source rebuilds, the part of a reference before the colon. */
	String kind();

	/** The URL of link {@code id}, or empty when it does not exist. */
	Optional<String> url(long id);
}
