package org.rapport.support.internal;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message read from the service mailbox, as e-mail to case needs it: its Message-ID (made from its headers where it
 * has none), the sender, the subject, the text, the Message-IDs it answers, whether a machine sent it (an
 * auto-reply, a bounce, a list), which is never answered and never opens a case, and its files.
 */
record Inbound(String messageId, String from, String fromName, String subject, String text, List<String> answers,
		boolean automatic, List<Part> attachments) {

	private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

	static Inbound read(MimeMessage message) throws MessagingException, IOException {
		String messageId = message.getMessageID();
		if (messageId == null || messageId.isBlank()) {
			messageId = "<" + Integer.toHexString(java.util.Objects.hash(message.getSentDate(),
					String.valueOf(message.getFrom() == null ? "" : message.getFrom()[0]), message.getSubject()))
					+ ".unnamed@rapport.local>";
		}
		InternetAddress sender = message.getFrom() == null || message.getFrom().length == 0 ? null
				: (InternetAddress) message.getFrom()[0];
		List<String> answers = new ArrayList<>();
		ids(message.getHeader("In-Reply-To"), answers);
		ids(message.getHeader("References"), answers);
		String subject = message.getSubject() == null ? "" : message.getSubject().strip();
		List<Part> attachments = new ArrayList<>();
		attachments(message, attachments);
		return new Inbound(messageId.strip(), sender == null ? null : sender.getAddress().strip().toLowerCase(Locale.ROOT),
				sender == null ? null : sender.getPersonal(), subject, text(message).strip(), answers,
				automatic(message, sender), attachments);
	}

	/** The parts of the message that are files: attached, or inline with a file name. */
	private static void attachments(Part part, List<Part> into) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart parts = (Multipart) part.getContent();
			for (int i = 0; i < parts.getCount(); i++) {
				attachments(parts.getBodyPart(i), into);
			}
		}
		else if (part.getFileName() != null && (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
				|| Part.INLINE.equalsIgnoreCase(part.getDisposition()))) {
			into.add(part);
		}
	}

	private static void ids(String[] headers, List<String> into) {
		if (headers == null) {
			return;
		}
		for (String header : headers) {
			Matcher id = MESSAGE_ID.matcher(header);
			while (id.find()) {
				if (!into.contains(id.group())) {
					into.add(id.group());
				}
			}
		}
	}

	/**
	 * Whether a machine sent the message: {@code Auto-Submitted} other than "no" (RFC 3834), {@code Precedence} bulk,
	 * junk, list or auto_reply, the common auto-responder headers, a mailing list, or a bounce (an empty
	 * Return-Path or a mailer daemon).
	 */
	static boolean automatic(MimeMessage message, InternetAddress sender) throws MessagingException {
		String submitted = message.getHeader("Auto-Submitted", null);
		if (submitted != null && !submitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
			return true;
		}
		String precedence = message.getHeader("Precedence", null);
		if (precedence != null && List.of("bulk", "junk", "list", "auto_reply")
			.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
			return true;
		}
		if (message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null
				|| message.getHeader("List-Id") != null) {
			return true;
		}
		String returnPath = message.getHeader("Return-Path", null);
		if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
			return true;
		}
		String address = sender == null ? "" : sender.getAddress().toLowerCase(Locale.ROOT);
		return address.startsWith("mailer-daemon@") || address.startsWith("postmaster@");
	}

	/** Where a reply's quote of the earlier message begins, as common mail clients write it. */
	private static final Pattern QUOTE_START = Pattern.compile(
			"(?m)^(On .{1,300}(\\R.{0,120})? wrote:\\s*$|Am .{1,300} schrieb .{1,200}:\\s*$|在.{1,300}写道[：:]\\s*$"
					+ "|-{2,}\\s*(Original Message|Ursprüngliche Nachricht|原始邮件)\\s*-{2,}\\s*$"
					+ "|From: .+\\R(Sent|Date): .+$|>.*$)");

	/**
	 * The text of a reply without the quote of the messages before it, which the case holds already: everything from
	 * the first line that begins a quote ("On … wrote:", "-----Original Message-----", "From:" with "Sent:", or a
	 * line starting with {@code >}); the whole text where nothing is left before it.
	 */
	static String withoutQuote(String text) {
		Matcher quote = QUOTE_START.matcher(text);
		if (quote.find()) {
			String before = text.substring(0, quote.start()).strip();
			if (!before.isEmpty()) {
				return before;
			}
		}
		return text;
	}

	/** The text of the message: its plain text part, else its HTML part without the markup. */
	static String text(Part part) throws MessagingException, IOException {
		String plain = find(part, "text/plain");
		if (plain != null) {
			return plain;
		}
		String html = find(part, "text/html");
		return html == null ? "" : html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
			.replaceAll("(?i)<br\\s*/?>|</p>|</div>", "\n")
			.replaceAll("<[^>]+>", " ")
			.replace("&nbsp;", " ")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&")
			.replaceAll("[ \\t]+", " ");
	}

	private static String find(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
				&& part.getFileName() == null) {
			Object content = part.getContent();
			return content instanceof String text ? text : null;
		}
		if (part.isMimeType("multipart/*")) {
			Multipart parts = (Multipart) part.getContent();
			for (int i = 0; i < parts.getCount(); i++) {
				BodyPart each = parts.getBodyPart(i);
				String found = find(each, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
