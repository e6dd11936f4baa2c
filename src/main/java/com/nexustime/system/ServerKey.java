package com.nexustime.system;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The server's secret: a key the database does not hold, so that someone who can read or write the database
 * alone can neither recompute a keyed hash (the audit chain) nor rebuild a secret link. It comes from
 * {@code NEXUS_SERVER_KEY} (base64, at least 32 bytes) or, when unset, from the file
 * {@code nexus.server-key-file} (default {@code data/server.key}), created with 32 random bytes and owner-only
 * permissions on the first start. Every node of one installation must use the same key.
 * <p>
 * Each use derives its own key ({@link #mac(String, byte[])} with a purpose such as {@code "audit-chain"}),
 * so one purpose's values say nothing about another's.
 */
@Component
public class ServerKey {

	private static final Logger log = LoggerFactory.getLogger(ServerKey.class);

	private static final String ALGORITHM = "HmacSHA256";

	private final byte[] master;

	/** The derived key of each purpose, made once (a handful of purposes; deriving is an HMAC of its own). */
	private final Map<String, SecretKeySpec> derived = new ConcurrentHashMap<>();

	ServerKey(@Value("${nexus.server-key:}") String configured,
			@Value("${nexus.server-key-file:data/server.key}") String file) {
		this.master = StringUtils.hasText(configured) ? decode(configured) : fromFile(Path.of(file));
	}

	/** For tests and tools: a key given as bytes. */
	public static ServerKey of(byte[] master) {
		return new ServerKey(Base64.getEncoder().encodeToString(master), "");
	}

	/** HMAC-SHA256 of {@code data} under the key derived for {@code purpose}. */
	public byte[] mac(String purpose, byte[] data) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(derived.computeIfAbsent(purpose, this::derive));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/** {@link #mac(String, byte[])} of UTF-8 text, as lower-case hex. */
	public String macHex(String purpose, String text) {
		return HexFormat.of().formatHex(mac(purpose, text.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The secret token of a mailed link (approval, invoice, password): the HMAC under {@code purpose} of two ids and
	 * the link's random nonce, base64url. Only {@link #tokenHash(String)} of it is stored, so the link can be
	 * rebuilt from the nonce when the mail is sent but not from the database alone.
	 */
	public String linkToken(String purpose, long first, long second, byte[] nonce) {
		byte[] subject = ByteBuffer.allocate(16 + nonce.length).putLong(first).putLong(second).put(nonce)
			.array();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(purpose, subject));
	}

	/** What a link's table stores of its token: SHA-256, lower-case hex. */
	public static String tokenHash(String token) {
		try {
			return HexFormat.of().formatHex(
					MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private SecretKeySpec derive(String purpose) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(master, ALGORITHM));
			return new SecretKeySpec(mac.doFinal(("nexus-time/" + purpose).getBytes(StandardCharsets.UTF_8)),
					ALGORITHM);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private static byte[] decode(String base64) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("NEXUS_SERVER_KEY (nexus.server-key) is not base64");
		}
		if (key.length < 32) {
			throw new IllegalStateException("NEXUS_SERVER_KEY (nexus.server-key) must hold at least 32 bytes, it has "
					+ key.length);
		}
		return key;
	}

	private static byte[] fromFile(Path path) {
		try {
			if (Files.isRegularFile(path)) {
				return decode(Files.readString(path, StandardCharsets.US_ASCII));
			}
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Path parent = path.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			Files.writeString(path, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII,
					StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			try {
				Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// Windows: the file keeps the folder's permissions
			}
			log.info("Created the server key in {} (keep it with the database backups, apart from them)",
					path.toAbsolutePath());
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the server key " + path.toAbsolutePath(), ex);
		}
	}
}
