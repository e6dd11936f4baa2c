package com.nexustime.faults;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The SMTP server the nodes send to: GreenMail in this JVM on a fixed port, which the run stops and starts again.
 * What each server instance received is kept across restarts, so every count covers the whole run.
 */
final class Mailbox implements AutoCloseable {

	/** The path of a client's signing link; the host in the mail is the app's public address. */
	static final Pattern APPROVAL_LINK = Pattern.compile("https?://[^\\s\"<>]*(/public/approvals/[A-Za-z0-9_-]+)");

	/** The fault run's own tag in each approval's message: which approval of the run the mail belongs to. */
	static final Pattern TAG = Pattern.compile("fault-run approval #(\\d+)");

	/** One received mail: to whom, the signing link path it carries (or null) and the run's tag (or 0). */
	record Mail(String to, String subject, String link, int tag) {
	}

	private final int port;

	private GreenMail server;

	private final List<Mail> earlier = new ArrayList<>();

	Mailbox(int port) {
		this.port = port;
	}

	int port() {
		return port;
	}

	synchronized void start() {
		server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
	}

	/** Stops the server: connections are refused until {@link #start()}. */
	synchronized void stop() throws IOException, MessagingException {
		if (server != null) {
			earlier.addAll(read(server));
			server.stop();
			server = null;
		}
	}

	boolean running() {
		return server != null;
	}

	/** Every mail received so far, by every instance of the server. */
	synchronized List<Mail> all() throws IOException, MessagingException {
		List<Mail> all = new ArrayList<>(earlier);
		if (server != null) {
			all.addAll(read(server));
		}
		return all;
	}

	/** The signing links mailed to {@code address}, each with how many times it was mailed, in arrival order. */
	Map<String, Integer> linksTo(String address) throws IOException, MessagingException {
		Map<String, Integer> links = new LinkedHashMap<>();
		for (Mail mail : all()) {
			if (address.equalsIgnoreCase(mail.to()) && mail.link() != null) {
				links.merge(mail.link(), 1, Integer::sum);
			}
		}
		return links;
	}

	/** How many mails to {@code address} have a subject containing {@code text}. */
	long countSubject(String address, String text) throws IOException, MessagingException {
		return all().stream().filter(m -> address.equalsIgnoreCase(m.to()) && m.subject().contains(text)).count();
	}

	/** The links mailed to {@code address} for each tagged approval, one list element per mail. */
	Map<Integer, List<String>> linksByTag(String address) throws IOException, MessagingException {
		Map<Integer, List<String>> byTag = new java.util.TreeMap<>();
		for (Mail mail : all()) {
			if (address.equalsIgnoreCase(mail.to()) && mail.link() != null && mail.tag() > 0) {
				byTag.computeIfAbsent(mail.tag(), k -> new ArrayList<>()).add(mail.link());
			}
		}
		return byTag;
	}

	/** Waits until approval {@code tag}'s mail to {@code address} arrived; answers its link, or null after the limit. */
	String awaitLink(String address, int tag, Duration limit) throws IOException, MessagingException, InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (true) {
			List<String> links = linksByTag(address).get(tag);
			if (links != null) {
				return links.get(0);
			}
			if (System.nanoTime() > deadline) {
				return null;
			}
			Thread.sleep(250);
		}
	}

	/** Waits until {@code address} has at least {@code count} distinct links, or the time is up; answers the links. */
	Map<String, Integer> awaitLinks(String address, int count, Duration limit)
			throws IOException, MessagingException, InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		Map<String, Integer> links = linksTo(address);
		while (links.size() < count && System.nanoTime() < deadline) {
			Thread.sleep(250);
			links = linksTo(address);
		}
		return links;
	}

	private static List<Mail> read(GreenMail server) throws IOException, MessagingException {
		List<Mail> mails = new ArrayList<>();
		for (MimeMessage message : server.getReceivedMessages()) {
			var to = message.getRecipients(Message.RecipientType.TO);
			String address = to == null || to.length == 0 ? "" : ((InternetAddress) to[0]).getAddress();
			String text = text(message);
			if (System.getenv("FAULTS_DEBUG_MAIL") != null) {
				System.out.println("MAIL to " + address + ":\n" + text);
			}
			Matcher link = APPROVAL_LINK.matcher(text);
			Matcher tag = TAG.matcher(text);
			mails.add(new Mail(address, String.valueOf(message.getSubject()), link.find() ? link.group(1) : null, tag.find() ? Integer.parseInt(tag.group(1)) : 0));
		}
		return mails;
	}

	private static String text(Part part) throws IOException, MessagingException {
		if (part.isMimeType("text/*")) {
			return String.valueOf(part.getContent());
		}
		if (part.getContent() instanceof Multipart multipart) {
			StringBuilder all = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				all.append(text(multipart.getBodyPart(i)));
			}
			return all.toString();
		}
		return "";
	}

	@Override
	public void close() throws IOException, MessagingException {
		stop();
	}
}
