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

	/** A line chart of one series over numbered or named points. */
	String line(List<?> labels, String label, List<? extends Number> values, String xTitle, String yTitle) {
		return chart("line", labels, List.of(series(label, values)), xTitle, yTitle);
	}

	/** A bar chart of several series over named groups. */
	String bars(List<String> groups, List<String> labels, List<List<Double>> values, String xTitle, String yTitle) {
		List<Map<String, Object>> all = new ArrayList<>();
		for (int i = 0; i < labels.size(); i++) {
			all.add(series(labels.get(i), values.get(i)));
		}
		return chart("bar", groups, all, xTitle, yTitle);
	}

	/** Curves through points (x, y), one series each, such as ROC curves, with the diagonal of chance. */
	String curves(List<String> labels, List<List<double[]>> curves, String xTitle, String yTitle) {
		List<Map<String, Object>> all = new ArrayList<>();
		for (int c = 0; c < curves.size(); c++) {
			List<Map<String, Double>> points = new ArrayList<>();
			curves.get(c).forEach(point -> points.add(Map.of("x", point[0], "y", point[1])));
			all.add(series(labels.get(c), points));
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("type", "scatter");
		chart.put("lines", true);
		chart.put("labels", List.of());
		chart.put("series", all);
		chart.put("x", xTitle);
		chart.put("y", yTitle);
		return json.writeValueAsString(chart);
	}

	/** The ROC curves of a comparison of churn algorithms, each named as {@code names} says. */
	String roc(List<org.rapport.analytics.internal.churn.AlgorithmResult> results,
			java.util.function.Function<org.rapport.analytics.internal.churn.Algorithm, String> names, String xTitle,
			String yTitle) {
		return curves(results.stream().map(result -> names.apply(result.algorithm())).toList(),
				results.stream()
					.map(result -> result.roc().stream()
						.map(point -> new double[] { point.falsePositiveRate(), point.truePositiveRate() })
						.toList())
					.toList(),
				xTitle, yTitle);
	}

	/** The most points a scatter chart draws; above, an even sample of the rows. */
	static final int SCATTER_POINTS = 2_000;

	/**
	 * A scatter chart of two features of the rows, a series per cluster (and one of the noise, if any), at most
	 * {@link #SCATTER_POINTS} points spread evenly over the rows.
	 */
	String scatter(double[][] rows, int[] labels, int clusters, int xFeature, int yFeature, String clusterLabel,
			String noiseLabel, String xTitle, String yTitle) {
		List<String> names = new ArrayList<>();
		for (int c = 0; c < clusters; c++) {
			names.add(clusterLabel + " " + (c + 1));
		}
		return scatter(rows, labels, names, xFeature, yFeature, noiseLabel, xTitle, yTitle);
	}

	/**
	 * A scatter chart of two features of the rows, a series per cluster named as given (labels count from 0, the
	 * noise's is negative), at most {@link #SCATTER_POINTS} points spread evenly over the rows.
	 */
	String scatter(double[][] rows, int[] labels, List<String> clusterNames, int xFeature, int yFeature,
			String noiseLabel, String xTitle, String yTitle) {
		int clusters = clusterNames.size();
		List<List<Map<String, Double>>> points = new ArrayList<>();
		for (int c = 0; c <= clusters; c++) {
			points.add(new ArrayList<>());
		}
		int step = Math.max(1, (int) Math.ceil(rows.length / (double) SCATTER_POINTS));
		for (int i = 0; i < rows.length; i += step) {
			int series = labels[i] < 0 || labels[i] >= clusters ? clusters : labels[i];
			points.get(series).add(Map.of("x", rows[i][xFeature], "y", rows[i][yFeature]));
		}
		List<Map<String, Object>> all = new ArrayList<>();
		for (int c = 0; c < clusters; c++) {
			all.add(series(clusterNames.get(c), points.get(c)));
		}
		if (!points.get(clusters).isEmpty()) {
			Map<String, Object> noise = series(noiseLabel, points.get(clusters));
			noise.put("colour", "#6c757d");
			all.add(noise);
		}
		return chart("scatter", List.of(), all, xTitle, yTitle);
	}

	/**
	 * The dendrogram of the last merges drawn as a tree, as SciPy draws it truncated to them: the clusters below them
	 * stand at height 0 in the order a walk from the top merge meets them, and each merge joins its two children with
	 * a bracket at its height, above the middle of the two.
	 */
	String dendrogram(org.rapport.analytics.internal.segments.Dendrogram dendrogram, String xTitle, String yTitle) {
		Map<Integer, org.rapport.analytics.internal.segments.Dendrogram.Merge> merges = new java.util.HashMap<>();
		dendrogram.merges().forEach(merge -> merges.put(merge.id(), merge));
		Map<Integer, double[]> at = new java.util.HashMap<>();
		List<Map<String, Object>> brackets = new ArrayList<>();
		if (!dendrogram.merges().isEmpty()) {
			int top = dendrogram.merges().get(dendrogram.merges().size() - 1).id();
			place(top, merges, at, new int[] { 0 }, brackets);
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("type", "scatter");
		chart.put("lines", true);
		chart.put("legend", false);
		chart.put("hideXTicks", true);
		chart.put("labels", List.of());
		chart.put("series", brackets);
		chart.put("x", xTitle);
		chart.put("y", yTitle);
		return json.writeValueAsString(chart);
	}

	/** Places the node and the nodes below it, left first; answers its position (x, height). */
	private static double[] place(int node, Map<Integer, org.rapport.analytics.internal.segments.Dendrogram.Merge> merges,
			Map<Integer, double[]> at, int[] nextLeaf, List<Map<String, Object>> brackets) {
		var merge = merges.get(node);
		if (merge == null) {
			double[] leaf = { ++nextLeaf[0], 0 };
			at.put(node, leaf);
			return leaf;
		}
		double[] left = place(merge.left(), merges, at, nextLeaf, brackets);
		double[] right = place(merge.right(), merges, at, nextLeaf, brackets);
		double[] here = { (left[0] + right[0]) / 2, merge.height() };
		at.put(node, here);
		Map<String, Object> bracket = series(String.valueOf(merge.size()),
				List.of(Map.of("x", left[0], "y", left[1]), Map.of("x", left[0], "y", here[1]),
						Map.of("x", right[0], "y", here[1]), Map.of("x", right[0], "y", right[1])));
		bracket.put("colour", "#0072B2");
		brackets.add(bracket);
		return here;
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
