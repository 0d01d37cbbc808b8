package org.rapport.support.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.shared.InvalidField;
import org.rapport.support.internal.CaseAttachment;
import org.rapport.support.internal.CaseAttachments;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The files of a case on its page: the list with download links and a form to attach one. A refused file is named on
 * the page again, at the file input, in the user's language.
 */
@Controller
class CaseFileController {

	private final CaseAttachments attachments;
	private final CurrentActor currentActor;
	private final MessageSource messages;

	CaseFileController(CaseAttachments attachments, CurrentActor currentActor, MessageSource messages) {
		this.attachments = attachments;
		this.currentActor = currentActor;
		this.messages = messages;
	}

	@PostMapping("/cases/{id}/attachments")
	String attach(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		Actor actor = currentActor.get();
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidField("file", "support.attachment.name", "Choose a file to attach");
			}
			try (InputStream content = file.getInputStream()) {
				attachments.attach(actor, id, file.getOriginalFilename(), content);
			}
			redirect.addFlashAttribute("success", "flash.case.attached");
		}
		catch (InvalidField refused) {
			redirect.addFlashAttribute("fileError", messages.getMessage(refused, actor.locale()));
		}
		return "redirect:/cases/" + id + "#files";
	}

	@GetMapping("/cases/{id}/attachments/{attachmentId}")
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
			.body(new InputStreamResource(download.content()));
	}

	/** The files of a case for its page ({@code ${@caseFiles.of(id)}}), for the user who reads it. */
	@Component("caseFiles")
	static class CaseFiles {

		private final CaseAttachments attachments;
		private final CurrentActor currentActor;

		CaseFiles(CaseAttachments attachments, CurrentActor currentActor) {
			this.attachments = attachments;
			this.currentActor = currentActor;
		}

		public List<CaseAttachment> of(UUID caseId) {
			return attachments.of(currentActor.get(), caseId);
		}

		/** The largest file, in megabytes. */
		public long maxMegabytes() {
			return attachments.maxSize().toMegabytes();
		}
	}
}
