package org.rapport.support.web;

import java.util.List;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.sales.LeadId;
import org.rapport.sales.SalesRecords;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RecordRef;
import org.rapport.support.internal.CaseBook;
import org.rapport.support.internal.SupportCase;
import org.rapport.web.RecordPanel;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The lead page's panel of the cases the lead asked for, the latest open ones first, with a link to all of them. */
@Controller
class LeadCasesPanel {

	private final CaseBook cases;
	private final SalesRecords sales;
	private final CurrentActor currentActor;

	LeadCasesPanel(CaseBook cases, SalesRecords sales, CurrentActor currentActor) {
		this.cases = cases;
		this.sales = sales;
		this.currentActor = currentActor;
	}

	@Bean
	static RecordPanel casesOfLeadPanel() {
		return new RecordPanel(LeadId.TYPE, "/support/leads/{id}/cases", 60);
	}

	@GetMapping("/support/leads/{id}/cases")
	String cases(@PathVariable UUID id, Model model) {
		Actor actor = currentActor.get();
		sales.find(actor, new RecordRef(LeadId.TYPE, id))
			.orElseThrow(() -> new RecordNotFound("lead.notFound", "No lead " + id, id));
		List<SupportCase> latest = cases.casesOfLead(actor, new LeadId(id), AccountCasesPanel.SHOWN);
		model.addAttribute("leadId", id);
		model.addAttribute("cases", latest);
		model.addAttribute("now", cases.now());
		return "support/cases/panel :: lead";
	}
}
