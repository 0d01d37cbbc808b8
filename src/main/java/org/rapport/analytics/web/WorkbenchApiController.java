package org.rapport.analytics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.rapport.analytics.internal.AnalyticsProperties;
import org.rapport.analytics.internal.UploadedTable;
import org.rapport.analytics.internal.Workbench;
import org.rapport.analytics.internal.Workbench.ClvRequest;
import org.rapport.identity.CurrentActor;
import org.rapport.shared.InvalidField;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics on your data", description = "The lifetime-value, segmentation, churn and recommendation models "
		+ "run on an uploaded CSV file without touching the CRM's records; for administrators and analysts. Each takes "
		+ "`multipart/form-data`: a CSV file in UTF-8 with a header line, separated by commas, semicolons or tabs, and "
		+ "the names of the columns to use. A missing column, a text where a number is due or an empty file answers "
		+ "422 naming the field at fault and the line.")
class WorkbenchApiController {

	private final Workbench workbench;
	private final CurrentActor currentActor;
	private final AnalyticsProperties properties;

	WorkbenchApiController(Workbench workbench, CurrentActor currentActor, AnalyticsProperties properties) {
		this.workbench = workbench;
		this.currentActor = currentActor;
		this.properties = properties;
	}

	@PostMapping(path = "/clv/fit", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Fit the lifetime-value models to transactions", description = "BG/NBD (Fader, Hardie & Lee "
			+ "2005) and Pareto/NBD for the number of repeat purchases and Gamma-Gamma for the spend, fitted by maximum "
			+ "likelihood to the transactions up to the calibration end (purchases of one customer on one day are one "
			+ "purchase of their summed amount). Each customer's predictions come from BG/NBD: expected purchases in the "
			+ "horizon, the probability of being alive at the calibration end, the expected spend per purchase and the "
			+ "value = expected purchases in each period, discounted, times the spend. Transactions after the "
			+ "calibration end are the holdout: `tracking` compares the purchases they hold with what the model expected.")
	ClvFitResource fitClv(@RequestPart("file") MultipartFile file,
			@Parameter(description = "The column naming the customer") @RequestParam String customerColumn,
			@Parameter(description = "The column with the date of the transaction") @RequestParam String dateColumn,
			@Parameter(description = "The column with the amount (a number of 0 or more, with a decimal point)")
			@RequestParam String amountColumn,
			@Parameter(description = "How the dates are written, as a java.time.format.DateTimeFormatter pattern")
			@RequestParam(defaultValue = "yyyy-MM-dd") String dateFormat,
			@Parameter(description = "The last day (ISO date) whose transactions are fitted; the last transaction's day when left out")
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate calibrationEnd,
			@Parameter(description = "day or week: the period that the recency, the age, the horizon and the discount rate count in")
			@RequestParam(defaultValue = "week") String periodUnit,
			@Parameter(description = "How many periods ahead to predict, 1 to 520") @RequestParam(defaultValue = "39") int horizon,
			@Parameter(description = "The discount rate per period (0.01 is 1 %), at least 0 and below 1")
			@RequestParam(defaultValue = "0") double discountRate) throws IOException {
		UploadedTable table = read("file", file);
		return ClvFitResource.of(workbench.fitClv(currentActor.get(), table, new ClvRequest(customerColumn, dateColumn,
				amountColumn, dateFormat, calibrationEnd, periodUnit, horizon, discountRate)));
	}

	private UploadedTable read(String field, MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidField(field, "analytics.upload.empty", "The file is empty");
		}
		// refused before the file is read
		Workbench.check(currentActor.get());
		try (InputStream content = file.getInputStream()) {
			return UploadedTable.read(field, content, properties.maxUploadRows());
		}
	}

	/** A fit of the lifetime-value models, as the API answers it. */
	record ClvFitResource(int customers, LocalDate calibrationEnd, String periodUnit, int horizon, double discountRate,
			BgNbdResource bgnbd, ParetoNbdResource paretoNbd, GammaGammaResource gammaGamma,
			List<TrackingResource> tracking, List<PredictionResource> predictions) {

		static ClvFitResource of(Workbench.ClvResult result) {
			var fit = result.fit();
			return new ClvFitResource(fit.customers(), result.calibrationEnd(),
					result.unit().name().toLowerCase(java.util.Locale.ROOT), result.horizon(), result.discountRate(),
					new BgNbdResource(fit.bgnbd().r(), fit.bgnbd().alpha(), fit.bgnbd().a(), fit.bgnbd().b(),
							fit.bgnbd().logLikelihood()),
					new ParetoNbdResource(fit.paretoNbd().r(), fit.paretoNbd().alpha(), fit.paretoNbd().s(),
							fit.paretoNbd().beta(), fit.paretoNbd().logLikelihood()),
					new GammaGammaResource(fit.gammaGamma().p(), fit.gammaGamma().q(), fit.gammaGamma().v(),
							fit.gammaGamma().logLikelihood()),
					result.tracking().stream()
						.map(point -> new TrackingResource(point.period(), point.actualPurchases(),
								point.expectedPurchases()))
						.toList(),
					fit.predictions().stream()
						.map(value -> new PredictionResource(value.customer(), value.expectedPurchases(),
								value.probabilityAlive(), value.expectedSpend(), value.clv()))
						.toList());
		}
	}

	/** BG/NBD's parameters: r and alpha of the purchase rates' gamma, a and b of the dropout probabilities' beta. */
	record BgNbdResource(double r, double alpha, double a, double b, double logLikelihood) {
	}

	/** Pareto/NBD's parameters: r and alpha of the purchase rates' gamma, s and beta of the dropout rates'. */
	record ParetoNbdResource(double r, double alpha, double s, double beta, double logLikelihood) {
	}

	/** Gamma-Gamma's parameters of the spend per purchase, fitted to the customers with repeat purchases. */
	record GammaGammaResource(double p, double q, double v, double logLikelihood) {
	}

	/**
	 * The calibration/holdout check, {@code period} periods after the calibration end: the repeat purchases of all
	 * customers so far, and what the model expected.
	 */
	record TrackingResource(int period, long actualPurchases, double expectedPurchases) {
	}

	/** One customer's prediction over the horizon. */
	record PredictionResource(String customer, double expectedPurchases, double probabilityAlive,
			double expectedSpend, double clv) {
	}
}
