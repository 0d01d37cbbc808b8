package org.rapport.support.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.rapport.identity.CurrentActor;
import org.rapport.support.internal.CaseAttachment;
import org.rapport.support.internal.CaseAttachments;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/cases/{id}/attachments")
@Tag(name = "Cases", description = "Customers' requests to the service desk, held to SLA policies in business hours")
class CaseAttachmentApiController {

	private final CaseAttachments attachments;
	private final CurrentActor currentActor;

	CaseAttachmentApiController(CaseAttachments attachments, CurrentActor currentActor) {
		this.attachments = attachments;
		this.currentActor = currentActor;
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Attach a file to a case", description = "Images (PNG, JPEG, GIF, WebP), PDF, text, CSV, "
			+ "ZIP, Word, Excel, PowerPoint or e-mail files, named by their extension, whose content is what the name "
			+ "says, up to rapport.support.attachment-max-size (10 MB unless set); others answer 422 naming file. "
			+ "Answers 201 with the attachment.")
	ResponseEntity<AttachmentResource> attach(@PathVariable UUID id, @RequestPart("file") MultipartFile file) {
		try (InputStream content = file.getInputStream()) {
			CaseAttachment attached = attachments.attach(currentActor.get(), id, file.getOriginalFilename(), content);
			return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/attachments/" + attached.getId()))
				.body(AttachmentResource.of(attached));
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	@GetMapping
	@Operation(summary = "List a case's files", description = "Oldest first; the customer's e-mailed files have no "
			+ "author.")
	List<AttachmentResource> list(@PathVariable UUID id) {
		return attachments.of(currentActor.get(), id).stream().map(AttachmentResource::of).toList();
	}

	@GetMapping(path = "/{attachmentId}", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
	@Operation(summary = "Download a file of a case", description = "As an attachment with its name, whatever its "
			+ "kind, so that no browser runs it.")
	ResponseEntity<InputStreamResource> download(@PathVariable UUID id, @PathVariable UUID attachmentId)
			throws IOException {
		CaseAttachments.Download download = attachments.open(currentActor.get(), id, attachmentId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.contentLength(download.attachment().getSize())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(download.attachment().getFileName(), java.nio.charset.StandardCharsets.UTF_8)
				.build()
				.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(download.content()));
	}

	/** A file of a case as the API shows it. */
	record AttachmentResource(UUID id, UUID caseId, String fileName,
			@Schema(description = "The kind of file its extension names, such as application/pdf") String contentType,
			@Schema(description = "Its size in bytes") long size, @Schema(description = "SHA-256 of its content, in hex") String sha256,
			@Schema(description = "The agent who attached it; null for a file the customer e-mailed") UUID createdBy,
			Instant createdAt) {

		static AttachmentResource of(CaseAttachment a) {
			return new AttachmentResource(a.getId(), a.getCaseId(), a.getFileName(), a.getContentType(), a.getSize(),
					a.getSha256(), a.getCreatedBy(), a.getCreatedAt());
		}
	}
}
