package org.rapport.integration.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.rapport.identity.Actor;
import org.rapport.integration.internal.ImportJob;
import org.rapport.integration.internal.Imports;
import org.rapport.web.CsvDownload;

/** Writes the rejected rows of an import as CSV: the line, the original columns, and why. */
final class RejectedRowsCsv {

	private RejectedRowsCsv() {
	}

	static void write(Imports imports, Actor actor, ImportJob job, HttpServletResponse response) throws IOException {
		List<String> header = new ArrayList<>();
		header.add("line");
		header.addAll(job.headers());
		header.add("reasons");
		CsvDownload.write(response, "rejected-rows.csv", header.toArray(String[]::new),
				rows -> imports.forEachRejected(actor, job.id(), row -> {
					List<Object> values = new ArrayList<>();
					values.add(row.line());
					for (int i = 0; i < job.headers().size(); i++) {
						values.add(i < row.cells().size() ? row.cells().get(i) : null);
					}
					values.add(row.reasons());
					rows.row(values.toArray());
				}));
	}
}
