package org.rapport.integration.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.rapport.identity.Actor;
import org.rapport.integration.internal.ImportJob;
import org.rapport.integration.internal.ImportJobs.ListedRow;
import org.rapport.integration.internal.Imports;
import org.rapport.web.CsvDownload;

/**
 * Writes the rows of an import that the user should look at as CSV — the rejected rows, and the rows stored without
 * a value of the file — each with its line, the original columns, and why.
 */
final class RejectedRowsCsv {

	private RejectedRowsCsv() {
	}

	static void write(Imports imports, Actor actor, ImportJob job, HttpServletResponse response) throws IOException {
		write(job, response, "rejected-rows.csv", "reasons",
				listed -> imports.forEachRejected(actor, job.id(), listed::accept));
	}

	/** The rows stored without a value of the file, with the notices that say which and why. */
	static void notices(Imports imports, Actor actor, ImportJob job, HttpServletResponse response)
			throws IOException {
		write(job, response, "notices.csv", "notices",
				listed -> imports.forEachNotice(actor, job.id(), listed::accept));
	}

	private static void write(ImportJob job, HttpServletResponse response, String fileName, String whyHeader,
			Consumer<Consumer<ListedRow>> source) throws IOException {
		List<String> header = new ArrayList<>();
		header.add("line");
		header.addAll(job.headers());
		header.add(whyHeader);
		CsvDownload.write(response, fileName, header.toArray(String[]::new), rows -> source.accept(row -> {
			List<Object> values = new ArrayList<>();
			values.add(row.line());
			for (int i = 0; i < job.headers().size(); i++) {
				values.add(i < row.cells().size() ? row.cells().get(i) : null);
			}
			values.add(row.why());
			rows.row(values.toArray());
		}));
	}
}
