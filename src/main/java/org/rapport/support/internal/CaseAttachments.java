package org.rapport.support.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.shared.InvalidField;
import org.rapport.shared.RecordNotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * The files attached to cases, kept in the data folder under {@code attachments/<case>/<attachment>}: only files of the
 * kinds named in {@link #TYPES}, whose first bytes are what their kind says (an "image" that is a program is refused),
 * each up to {@code rapport.support.attachment-max-size} (10 MB unless set). Files are written to a temporary file
 * first, checked and hashed as they stream, and moved in place only when the row that names them commits; the
 * download reads them back only for those who may see the case.
 */
@Service
public class CaseAttachments {

	/** The kinds of file a case takes, by the file name's extension. */
	static final Map<String, String> TYPES = Map.ofEntries(Map.entry("png", "image/png"),
			Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
			Map.entry("webp", "image/webp"), Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"),
			Map.entry("log", "text/plain"), Map.entry("csv", "text/csv"), Map.entry("zip", "application/zip"),
			Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
			Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
			Map.entry("eml", "message/rfc822"));

	/** The first bytes that files of a kind begin with; kinds not named have none to check. */
	private static final Map<String, List<byte[]>> MAGIC = Map.of("image/png",
			List.of(new byte[] { (byte) 0x89, 'P', 'N', 'G' }), "image/jpeg",
			List.of(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }), "image/gif", List.of("GIF8".getBytes()),
			"image/webp", List.of("RIFF".getBytes()), "application/pdf", List.of("%PDF".getBytes()),
			"application/zip", List.of(new byte[] { 'P', 'K', 3, 4 }, new byte[] { 'P', 'K', 5, 6 }));

	private static final java.util.Set<String> ZIPPED = java.util.Set.of(
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation");

	private final CaseAttachmentRows rows;
	private final CaseBook cases;
	private final Path folder;
	private final DataSize maxSize;
	private final Clock clock;

	CaseAttachments(CaseAttachmentRows rows, CaseBook cases, @Value("${rapport.data-dir}") String dataDir,
			@Value("${rapport.support.attachment-max-size:10MB}") DataSize maxSize, Clock clock) {
		this.rows = rows;
		this.cases = cases;
		this.folder = Path.of(dataDir, "attachments");
		this.maxSize = maxSize;
		this.clock = clock;
	}

	/** The largest file a case takes. */
	public DataSize maxSize() {
		return maxSize;
	}

	/** An agent attaches a file to a case they may see. */
	@Transactional
	public CaseAttachment attach(Actor actor, UUID caseId, String fileName, InputStream content) {
		SupportCase found = cases.get(actor, caseId);
		return store(found.getId(), null, fileName, content, actor.id().value());
	}

	/** Keeps a file that came with a customer's e-mail, in the caller's transaction. */
	@Transactional
	CaseAttachment fromCustomer(UUID caseId, String fileName, InputStream content) {
		return store(caseId, null, fileName, content, null);
	}

	/** The files of a case the actor may see, oldest first. */
	@Transactional(readOnly = true)
	public List<CaseAttachment> of(Actor actor, UUID caseId) {
		cases.get(actor, caseId);
		return rows.ofCase(caseId);
	}

	/** A file of a case the actor may see, and its content. */
	@Transactional(readOnly = true)
	public Download open(Actor actor, UUID caseId, UUID attachmentId) {
		cases.get(actor, caseId);
		CaseAttachment attachment = rows.findById(attachmentId)
			.filter(found -> found.getCaseId().equals(caseId))
			.orElseThrow(() -> new RecordNotFound("support.attachment.notFound", "No such attachment", attachmentId));
		Path file = folder.resolve(caseId.toString()).resolve(attachmentId.toString());
		if (!Files.isRegularFile(file)) {
			throw new RecordNotFound("support.attachment.notFound", "No such attachment", attachmentId);
		}
		return new Download(attachment, file);
	}

	/** A file to send: what it is, and where its content lies. */
	public record Download(CaseAttachment attachment, Path file) {

		public InputStream content() throws IOException {
			return Files.newInputStream(file);
		}
	}

	private CaseAttachment store(UUID caseId, UUID commentId, String fileName, InputStream content, UUID by) {
		String name = fileName(fileName);
		String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
		String type = TYPES.get(extension);
		if (type == null) {
			throw new InvalidField("file", "support.attachment.type",
					"Attach images, PDF, text, CSV, ZIP or Office files; {0} files are not taken", extension.isEmpty()
							? name : "." + extension);
		}
		Path temporary;
		long size;
		String sha256;
		try {
			Files.createDirectories(folder);
			temporary = Files.createTempFile(folder, "upload-", ".part");
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] head = new byte[8];
			int headLength = 0;
			try (InputStream in = new DigestInputStream(content, digest);
					var out = Files.newOutputStream(temporary)) {
				byte[] buffer = new byte[64 * 1024];
				size = 0;
				for (int read; (read = in.read(buffer)) != -1;) {
					size += read;
					if (size > maxSize.toBytes()) {
						break;
					}
					if (headLength < head.length) {
						int take = Math.min(read, head.length - headLength);
						System.arraycopy(buffer, 0, head, headLength, take);
						headLength += take;
					}
					out.write(buffer, 0, read);
				}
			}
			if (size > maxSize.toBytes()) {
				Files.deleteIfExists(temporary);
				throw new InvalidField("file", "support.attachment.size", "A file is at most {0} MB",
						maxSize.toMegabytes());
			}
			if (size == 0) {
				Files.deleteIfExists(temporary);
				throw new InvalidField("file", "support.attachment.empty", "The file is empty");
			}
			if (!looksLike(ZIPPED.contains(type) ? "application/zip" : type, head, headLength)) {
				Files.deleteIfExists(temporary);
				throw new InvalidField("file", "support.attachment.content",
						"The file's content is not what its name says ({0})", "." + extension);
			}
			sha256 = HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
		CaseAttachment attachment = rows.save(new CaseAttachment(caseId, commentId, name, type, size, sha256, by,
				clock.instant()));
		Path target = folder.resolve(caseId.toString()).resolve(attachment.getId().toString());
		Path written = temporary;
		// the file takes its place only with the row; a rolled-back attachment leaves no file behind
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					place(written, target, status == STATUS_COMMITTED);
				}
			});
		}
		else {
			place(written, target, true);
		}
		return attachment;
	}

	private static void place(Path written, Path target, boolean keep) {
		try {
			if (keep) {
				Files.createDirectories(target.getParent());
				Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
			}
			else {
				Files.deleteIfExists(written);
			}
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	private static boolean looksLike(String type, byte[] head, int length) {
		List<byte[]> starts = MAGIC.get(type);
		if (starts == null) {
			// text: no byte that text never holds
			for (int i = 0; i < length; i++) {
				if (head[i] == 0) {
					return false;
				}
			}
			return true;
		}
		for (byte[] start : starts) {
			if (length >= start.length && java.util.Arrays.equals(head, 0, start.length, start, 0, start.length)) {
				return true;
			}
		}
		return false;
	}

	/** The file's name without any folder, control characters or quotes, at most 255 characters. */
	static String fileName(String given) {
		String name = given == null ? "" : given.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (name.isEmpty()) {
			throw new InvalidField("file", "support.attachment.name", "Choose a file to attach");
		}
		return name.length() > 255 ? name.substring(name.length() - 255) : name;
	}
}
