package org.rapport.sales;

import java.util.Objects;
import java.util.UUID;

public record PipelineId(UUID value) {

	public PipelineId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
