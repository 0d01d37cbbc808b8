package org.rapport.web.problems;

import org.rapport.shared.ConflictingChange;
import org.rapport.shared.DomainException;
import org.rapport.shared.InvalidField;
import org.rapport.shared.NotPermitted;
import org.rapport.shared.RecordInUse;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.springframework.http.HttpStatus;

/**
 * The HTTP status of each refusal of the domain, which the API's problem details and the error pages share.
 */
final class DomainStatus {

	private DomainStatus() {
	}

	static HttpStatus of(DomainException refused) {
		if (refused instanceof RecordNotFound) {
			return HttpStatus.NOT_FOUND;
		}
		if (refused instanceof NotPermitted) {
			return HttpStatus.FORBIDDEN;
		}
		if (refused instanceof InvalidField) {
			return HttpStatus.UNPROCESSABLE_CONTENT;
		}
		if (refused instanceof RuleBroken rule) {
			return rule.kind() == RuleBroken.Kind.SETUP ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.CONFLICT;
		}
		if (refused instanceof ConflictingChange || refused instanceof RecordInUse) {
			return HttpStatus.CONFLICT;
		}
		// a kind of refusal that has no status yet is a fault of Rapport, not of the request
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}
}
