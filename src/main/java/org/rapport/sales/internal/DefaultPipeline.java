package org.rapport.sales.internal;

import org.rapport.sales.StageKind;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a database without pipelines the usual B2B sales process, so that opportunities have somewhere to go;
 * administrators rename, add, reorder and remove its stages.
 */
@Component
@Order(1)
class DefaultPipeline implements ApplicationRunner {

	private final Pipelines pipelines;

	DefaultPipeline(Pipelines pipelines) {
		this.pipelines = pipelines;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (pipelines.count() > 0) {
			return;
		}
		Pipeline sales = new Pipeline("Sales", 0);
		sales.makeDefault(true);
		sales.addStage("Prospecting", 10, StageKind.OPEN);
		sales.addStage("Qualification", 20, StageKind.OPEN);
		sales.addStage("Needs analysis", 40, StageKind.OPEN);
		sales.addStage("Proposal", 60, StageKind.OPEN);
		sales.addStage("Negotiation", 80, StageKind.OPEN);
		sales.addStage("Closed won", 100, StageKind.WON);
		sales.addStage("Closed lost", 0, StageKind.LOST);
		pipelines.save(sales);
	}
}
