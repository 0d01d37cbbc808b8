package org.rapport.sales.opportunities.internal;

import java.time.Clock;
import org.rapport.sales.BuiltInNames;
import org.rapport.sales.StageKind;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a database without pipelines the usual B2B sales process, so that opportunities have somewhere to go;
 * administrators rename, add, reorder and remove its stages. Its names show in the reader's language until renamed.
 */
@Component
@Order(1)
class DefaultPipeline implements ApplicationRunner {

	private final Pipelines pipelines;
	private final Clock clock;

	DefaultPipeline(Pipelines pipelines, Clock clock) {
		this.pipelines = pipelines;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (pipelines.count() > 0) {
			return;
		}
		Pipeline sales = new Pipeline(BuiltInNames.SALES, 0, clock.instant());
		sales.makeDefault(true);
		sales.addStage(BuiltInNames.PROSPECTING, 10, StageKind.OPEN);
		sales.addStage(BuiltInNames.QUALIFICATION, 20, StageKind.OPEN);
		sales.addStage(BuiltInNames.NEEDS_ANALYSIS, 40, StageKind.OPEN);
		sales.addStage(BuiltInNames.PROPOSAL, 60, StageKind.OPEN);
		sales.addStage(BuiltInNames.NEGOTIATION, 80, StageKind.OPEN);
		sales.addStage(BuiltInNames.CLOSED_WON, 100, StageKind.WON);
		sales.addStage(BuiltInNames.CLOSED_LOST, 0, StageKind.LOST);
		pipelines.save(sales);
	}
}
