package org.rapport.web.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rapport.web.RecordPanel;
import org.springframework.stereotype.Component;

/**
 * The panels that modules contribute to record pages, by record type; pages read them as
 * {@code @recordPanels.of('contact')} through the fragment {@code fragments/panels :: record}.
 */
@Component("recordPanels")
class RecordPanels {

	private final Map<String, List<RecordPanel>> byType;

	RecordPanels(List<RecordPanel> panels) {
		this.byType = panels.stream()
			.sorted(Comparator.comparingInt(RecordPanel::order))
			.collect(Collectors.groupingBy(RecordPanel::recordType, Collectors.toUnmodifiableList()));
	}

	/** The panels of a type's pages, in order. */
	public List<RecordPanel> of(String recordType) {
		return byType.getOrDefault(recordType, List.of());
	}
}
