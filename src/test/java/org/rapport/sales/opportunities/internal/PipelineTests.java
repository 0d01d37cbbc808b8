package org.rapport.sales.opportunities.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rapport.sales.StageKind;
import org.rapport.shared.RuleBroken;

class PipelineTests {

	@Test
	void anOpenStageIsAddedBeforeTheClosingStagesAndAClosingOneAtTheEnd() {
		Pipeline pipeline = new Pipeline("Sales", 0, Instant.EPOCH);
		pipeline.addStage("Lead", 10, StageKind.OPEN);
		pipeline.addStage("Won", 100, StageKind.WON);
		pipeline.addStage("Lost", 0, StageKind.LOST);
		pipeline.addStage("Proposal", 60, StageKind.OPEN);
		pipeline.addStage("Abandoned", 0, StageKind.LOST);
		assertThat(pipeline.getStages()).extracting(Stage::getName)
			.containsExactly("Lead", "Proposal", "Won", "Lost", "Abandoned");
		assertThat(pipeline.getStages()).extracting(Stage::getPosition).containsExactly(0, 1, 2, 3, 4);
	}

	@Test
	void closedStagesTakeTheProbabilityOfTheirKind() {
		Pipeline pipeline = new Pipeline("Sales", 0, Instant.EPOCH);
		assertThat(pipeline.addStage("Won", 20, StageKind.WON).getProbability()).isEqualTo(100);
		assertThat(pipeline.addStage("Lost", 70, StageKind.LOST).getProbability()).isZero();
	}

	@Test
	void aPipelineKeepsAnOpenAWonAndALostStage() {
		Pipeline pipeline = new Pipeline("Sales", 0, Instant.EPOCH);
		Stage open = pipeline.addStage("Lead", 10, StageKind.OPEN);
		Stage won = pipeline.addStage("Won", 100, StageKind.WON);
		pipeline.addStage("Lost", 0, StageKind.LOST);
		assertThatThrownBy(() -> pipeline.removeStage(open.getId())).isInstanceOf(RuleBroken.class)
			.hasMessage("A pipeline keeps at least one open stage");
		assertThatThrownBy(() -> pipeline.removeStage(won.getId())).isInstanceOf(RuleBroken.class)
			.extracting(refused -> ((RuleBroken) refused).messageKey())
			.isEqualTo("pipeline.keepsKind");
	}

	@Test
	void reorderingNamesEveryStageOnce() {
		Pipeline pipeline = new Pipeline("Sales", 0, Instant.EPOCH);
		Stage a = pipeline.addStage("A", 10, StageKind.OPEN);
		Stage b = pipeline.addStage("B", 20, StageKind.OPEN);
		pipeline.reorder(java.util.List.of(b.getId(), a.getId()));
		assertThat(pipeline.getStages()).extracting(Stage::getName).containsExactly("B", "A");
		assertThatThrownBy(() -> pipeline.reorder(java.util.List.of(a.getId())))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
