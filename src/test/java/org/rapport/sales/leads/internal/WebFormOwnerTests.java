package org.rapport.sales.leads.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.customers.AccountSource;
import org.rapport.customers.Customers;
import org.rapport.customization.CustomFields;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.identity.UserSummary;
import org.rapport.sales.Opportunities;
import org.rapport.shared.RuleBroken;

/**
 * Who owns a lead from the public web form: the configured user while they are active, else the first
 * administrator.
 */
class WebFormOwnerTests {

	static final UserSummary SALES = new UserSummary(new UserId(UUID.randomUUID()), "web-desk", "Web Desk",
			new TeamId(UUID.randomUUID()), true);
	static final UserSummary ADMIN = new UserSummary(new UserId(UUID.randomUUID()), "admin", "Administrator", null,
			true);
	static final LeadDetails DETAILS = new LeadDetails("Web", "Visitor", null, null, "web@example.com", null,
			AccountSource.WEBSITE, null, null);

	Leads leads = mock(Leads.class);
	UserDirectory directory = mock(UserDirectory.class);
	LeadProperties properties = new LeadProperties();
	LeadService service;

	@BeforeEach
	void service() {
		when(leads.save(any(Lead.class))).thenAnswer(call -> call.getArgument(0));
		service = new LeadService(leads, mock(EntityManager.class), directory, mock(Customers.class), properties,
				mock(Opportunities.class), mock(CustomFields.class),
				Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC), mock(org.springframework.beans.factory.ObjectProvider.class));
	}

	@Test
	void theConfiguredActiveUserOwnsWebFormLeadsWithTheirTeam() {
		properties.setWebFormOwner("web-desk");
		when(directory.findActiveByUsername("web-desk")).thenReturn(Optional.of(SALES));

		Lead lead = service.captureFromWebForm(DETAILS);

		assertThat(lead.owner()).isEqualTo(SALES.id());
		assertThat(lead.team()).isEqualTo(SALES.team());
		assertThat(lead.getStatus()).isEqualTo(LeadStatus.NEW);
	}

	@Test
	void withoutAnActiveConfiguredUserTheFirstAdministratorOwnsThem() {
		properties.setWebFormOwner("left-the-company");
		when(directory.findActiveByUsername("left-the-company")).thenReturn(Optional.empty());
		when(directory.firstActiveAdministrator()).thenReturn(Optional.of(ADMIN));

		assertThat(service.captureFromWebForm(DETAILS).owner()).isEqualTo(ADMIN.id());
	}

	@Test
	void withNobodyToOwnThemTheLeadIsRefusedAndNotStored() {
		when(directory.findActiveByUsername(any())).thenReturn(Optional.empty());
		when(directory.firstActiveAdministrator()).thenReturn(Optional.empty());

		assertThatThrownBy(() -> service.captureFromWebForm(DETAILS)).isInstanceOf(RuleBroken.class)
			.extracting(refused -> ((RuleBroken) refused).kind())
			.isEqualTo(RuleBroken.Kind.SETUP);
		verify(leads, never()).save(any());
	}
}
