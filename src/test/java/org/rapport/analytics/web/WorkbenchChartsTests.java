package org.rapport.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.analytics.internal.segments.Dendrogram;
import org.rapport.analytics.internal.segments.Dendrogram.Merge;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dendrogram is drawn as SciPy draws a tree truncated to its last merges. */
class WorkbenchChartsTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final WorkbenchCharts charts = new WorkbenchCharts(json);

	@Test
	void eachMergeIsABracketAtItsHeightOverTheMiddleOfItsChildren() {
		Dendrogram whole = new Dendrogram(4, List.of(new Merge(4, 0, 1, 1, 1, 1.0, 2), new Merge(5, 2, 1, 3, 1, 2.0, 2),
				new Merge(6, 4, 2, 5, 2, 3.0, 4)));
		List<List<double[]>> brackets = brackets(charts.dendrogram(whole, "clusters", "height"));
		assertThat(brackets).hasSize(3);
		assertPath(brackets.get(0), 1, 0, 1, 1, 2, 1, 2, 0);
		assertPath(brackets.get(1), 3, 0, 3, 2, 4, 2, 4, 0);
		assertPath(brackets.get(2), 1.5, 1, 1.5, 3, 3.5, 3, 3.5, 2);
	}

	@Test
	void aClusterFormedBeforeTheMergesShownStandsAtTheBottomAsALeaf() {
		Dendrogram truncated = new Dendrogram(4, List.of(new Merge(5, 2, 1, 3, 1, 2.0, 2),
				new Merge(6, 4, 2, 5, 2, 3.0, 4)));
		List<List<double[]>> brackets = brackets(charts.dendrogram(truncated, "clusters", "height"));
		assertThat(brackets).hasSize(2);
		assertPath(brackets.get(0), 2, 0, 2, 2, 3, 2, 3, 0);
		assertPath(brackets.get(1), 1, 0, 1, 3, 2.5, 3, 2.5, 2);
	}

	private List<List<double[]>> brackets(String chart) {
		JsonNode spec = json.readTree(chart);
		assertThat(spec.path("type").asText()).isEqualTo("scatter");
		assertThat(spec.path("legend").asBoolean(true)).isFalse();
		List<List<double[]>> brackets = new ArrayList<>();
		spec.path("series").forEach(series -> {
			List<double[]> points = new ArrayList<>();
			series.path("data").forEach(point -> points.add(new double[] { point.path("x").asDouble(),
					point.path("y").asDouble() }));
			brackets.add(points);
		});
		return brackets;
	}

	private static void assertPath(List<double[]> points, double... xy) {
		assertThat(points).hasSize(xy.length / 2);
		for (int i = 0; i < points.size(); i++) {
			assertThat(points.get(i)).containsExactly(xy[2 * i], xy[2 * i + 1]);
		}
	}
}
