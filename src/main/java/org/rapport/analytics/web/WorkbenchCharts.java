package org.rapport.analytics.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rapport.analytics.internal.clv.RepeatSummaries.TrackingPoint;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The charts of the workbench's pages as the page script draws them: a chart's kind, its series and the titles of
 * its axes, written as JSON into an attribute of its canvas (escaped as every attribute is), each with a table of
 * the same figures beside it for those who do not see it.
 */
@Component
class WorkbenchCharts {

	private final JsonMapper json;

	WorkbenchCharts(JsonMapper json) {
		this.json = json;
	}

	/** The calibration/holdout check: the actual and the expected cumulative repeat purchases per period. */
	String tracking(List<TrackingPoint> points, String periodTitle, String purchasesTitle, String actual,
			String expected) {
		List<Integer> labels = new ArrayList<>();
		List<Long> actuals = new ArrayList<>();
		List<Double> expecteds = new ArrayList<>();
		for (TrackingPoint point : points) {
			labels.add(point.period());
			actuals.add(point.actualPurchases());
			expecteds.add(Math.round(point.expectedPurchases() * 10) / 10.0);
		}
		return chart("line", labels, List.of(series(actual, actuals), series(expected, expecteds)), periodTitle,
				purchasesTitle);
	}

	private static Map<String, Object> series(String label, List<?> data) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("label", label);
		series.put("data", data);
		return series;
	}

	private String chart(String type, List<?> labels, List<Map<String, Object>> series, String xTitle,
			String yTitle) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("type", type);
		chart.put("labels", labels);
		chart.put("series", series);
		chart.put("x", xTitle);
		chart.put("y", yTitle);
		return json.writeValueAsString(chart);
	}
}
