package org.rapport.analytics.internal.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapport.analytics.internal.segments.AgglomerativeClustering.Linkage;
import org.rapport.analytics.internal.segments.Segmentation.ClusterProfile;
import org.rapport.shared.InvalidField;

class SegmentationTests {

	private static final long SEED = 42;

	@BeforeAll
	static void quietSmile() {
		MallCustomers.quietSmile();
	}

	@Test
	void kMeansWithFiveClustersReachesThePublishedSilhouetteOnTheMallCustomers() {
		Segmentation kMeans = KMeansClustering.fit(MallCustomers.standardised(), 5, 20, SEED);

		// the published 0.55; 0.5547 and these clusters are those of the best of 50 k-means++ runs in NumPy
		assertThat(kMeans.silhouette()).isGreaterThanOrEqualTo(0.55).isCloseTo(0.5547, within(0.0005));
		assertThat(kMeans.clusters()).isEqualTo(5);
		assertThat(kMeans.noise()).isZero();
		assertThat(kMeans.sizes()).containsExactly(81, 39, 35, 23, 22);
		assertThat(Arrays.stream(kMeans.labels()).boxed().toList()).hasSize(200)
			.allMatch(label -> label >= 0 && label < 5);
		assertThat(kMeans.parameters()).containsEntry("algorithm", "kmeans").containsEntry("k", 5)
			.containsEntry("restarts", 20).containsEntry("seed", SEED).containsEntry("scaling", "STANDARDIZE");
	}

	@Test
	void theProfilesOfTheMallSegmentsAreInThousandsOfDollarsAndScorePoints() {
		Segmentation kMeans = KMeansClustering.fit(MallCustomers.standardised(), 5, 20, SEED);

		List<ClusterProfile> profiles = kMeans.profiles();
		// the middle group, the rich spenders, the rich savers, the poor savers, the poor spenders (NumPy)
		double[][] means = { { 55.296, 49.519 }, { 86.538, 82.128 }, { 88.200, 17.114 }, { 26.304, 20.913 },
				{ 25.727, 79.364 } };
		double[][] deviations = { { 8.932, 6.490 }, { 16.102, 9.244 }, { 16.163, 9.809 }, { 7.720, 12.731 },
				{ 7.393, 10.263 } };
		for (int c = 0; c < 5; c++) {
			assertThat(profiles.get(c).cluster()).isEqualTo(c);
			assertThat(profiles.get(c).size()).isEqualTo(kMeans.sizes()[c]);
			assertThat(profiles.get(c).means()).containsExactly(means[c], within(0.001));
			assertThat(profiles.get(c).standardDeviations()).containsExactly(deviations[c], within(0.001));
		}
	}

	@Test
	void theSameSeedGivesTheSameSegmentation() {
		Features mall = MallCustomers.standardised();

		Segmentation first = KMeansClustering.fit(mall, 6, 3, 7);
		Segmentation second = KMeansClustering.fit(mall, 6, 3, 7);

		assertThat(second.labels()).containsExactly(first.labels());
		assertThat(second.silhouette()).isEqualTo(first.silhouette());
	}

	@Test
	void theSilhouetteOverTwoToTenChoosesFiveClustersForTheMallCustomers() {
		Features mall = MallCustomers.standardised();

		KChoice choice = KMeansClustering.chooseK(mall, 2, 10, 20, SEED);

		assertThat(choice.k()).isEqualTo(5);
		assertThat(choice.segmentation().silhouette()).isCloseTo(0.5547, within(0.0005));
		assertThat(choice.scores()).extracting(KChoice.Score::k).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10);
		// best of 50 k-means++ runs in NumPy: 0.290, 0.467, 0.494, 0.555, 0.540, 0.528, then below 0.46 up to k = 10
		assertThat(choice.scores().get(3).silhouette()).isEqualTo(choice.segmentation().silhouette());
		assertThat(choice.scores().get(3).silhouette()).isGreaterThan(choice.scores().get(4).silhouette());
		assertThat(choice.scores().get(1).silhouette()).isCloseTo(0.4666, within(0.001));
		assertThat(choice.scores().get(4).silhouette()).isCloseTo(0.5395, within(0.001));
		assertThat(choice.scores().get(3).withinSumOfSquares()).isCloseTo(65.568, within(0.01));
		assertThat(choice.scores()).extracting(KChoice.Score::withinSumOfSquares)
			.isSortedAccordingTo((a, b) -> b.compareTo(a));
		assertThat(choice.segmentation().labels()).containsExactly(KMeansClustering.fit(mall, 5, 20, SEED).labels());
	}

	@Test
	void wardsLinkageWithFiveClustersReachesThePublishedSilhouetteOnTheMallCustomers() {
		HierarchicalSegmentation ward = AgglomerativeClustering.fit(MallCustomers.standardised(), Linkage.WARD, 5);

		// the published 0.55 (0.5538 checked with Smile before); the clusters of a plain Ward's merging in NumPy
		assertThat(ward.segmentation().silhouette()).isGreaterThanOrEqualTo(0.55).isCloseTo(0.5538, within(0.0005));
		assertThat(ward.segmentation().sizes()).containsExactly(85, 39, 32, 23, 21);
		assertThat(ward.segmentation().parameters()).containsEntry("algorithm", "hierarchical")
			.containsEntry("linkage", "ward").containsEntry("k", 5);
	}

	@Test
	void theDendrogramHoldsTheLastFiftyMergesUpToTheWholeSet() {
		Dendrogram tree = AgglomerativeClustering.fit(MallCustomers.standardised(), Linkage.WARD, 5).dendrogram();

		assertThat(tree.points()).isEqualTo(200);
		assertThat(tree.merges()).hasSize(AgglomerativeClustering.DENDROGRAM_MERGES);
		Dendrogram.Merge root = tree.merges().get(tree.merges().size() - 1);
		assertThat(root.id()).isEqualTo(200 + 198);
		assertThat(root.size()).isEqualTo(200);
		assertThat(tree.merges()).allSatisfy(merge -> {
			assertThat(merge.size()).isEqualTo(merge.leftSize() + merge.rightSize());
			assertThat(merge.left()).isLessThan(merge.id());
			assertThat(merge.right()).isLessThan(merge.id());
		});
		assertThat(tree.merges()).extracting(Dendrogram.Merge::height).isSorted();
		// the cut at 5 leaves the roots of the last four merges' other children: their sizes are the clusters'
		List<Integer> clusters = tree.merges()
			.stream()
			.skip(tree.merges().size() - 4)
			.flatMap(merge -> IntStream.of(merge.left(), merge.right()).filter(id -> id < 200 + 199 - 4)
				.mapToObj(id -> id == merge.left() ? merge.leftSize() : merge.rightSize()))
			.sorted((a, b) -> b - a)
			.toList();
		assertThat(clusters).containsExactly(85, 39, 32, 23, 21);
	}

	@Test
	void completeAndAverageLinkageCutIntoTheClustersAsked() {
		Features mall = MallCustomers.standardised();

		for (Linkage linkage : List.of(Linkage.COMPLETE, Linkage.AVERAGE)) {
			Segmentation cut = AgglomerativeClustering.fit(mall, linkage, 5).segmentation();
			assertThat(cut.clusters()).isEqualTo(5);
			assertThat(Arrays.stream(cut.sizes()).sum()).isEqualTo(200);
			assertThat(cut.silhouette()).isBetween(0.4, 0.56);
		}
		assertThat(Linkage.parse(" Average")).isEqualTo(Linkage.AVERAGE);
		assertThatThrownBy(() -> Linkage.parse("single")).isInstanceOfSatisfying(InvalidField.class,
				refusal -> assertThat(refusal.field()).isEqualTo("linkage"));
	}

	@Test
	void dbscanWithEps03AndThreeSamplesFindsTheNineClustersOfScikitLearn() {
		Segmentation dbscan = DbscanClustering.fit(MallCustomers.standardised(), 0.3, 3);

		// the published 9 clusters; the noise and the sizes as a plain DBSCAN in NumPy finds them
		assertThat(dbscan.clusters()).isEqualTo(9);
		assertThat(dbscan.noise()).isEqualTo(14);
		assertThat(dbscan.sizes()).containsExactly(89, 32, 17, 14, 12, 9, 7, 3, 3);
		assertThat(Arrays.stream(dbscan.labels()).filter(label -> label == Segmentation.NOISE).count()).isEqualTo(14);
		// the noise is left out of the silhouette
		assertThat(dbscan.silhouette()).isCloseTo(0.4720, within(0.0005));
		assertThat(dbscan.parameters()).containsEntry("eps", 0.3).containsEntry("minSamples", 3);
	}

	@Test
	void withOneSampleEveryRowIsACorePointAndNoneIsNoise() {
		Features mall = MallCustomers.standardised();

		Segmentation one = DbscanClustering.fit(mall, 0.3, 1);
		Segmentation two = DbscanClustering.fit(mall, 0.3, 2);

		// with two, a row with a neighbour is a core point: the rows alone become noise, where one makes them clusters
		assertThat(one.noise()).isZero();
		assertThat(two.noise()).isEqualTo(10);
		assertThat(one.clusters()).isEqualTo(two.clusters() + two.noise()).isEqualTo(21);
		assertThat(Arrays.copyOf(one.sizes(), two.clusters())).containsExactly(two.sizes());
	}

	@Test
	void theKDistanceCurveFallsAndShowsWhichRowsAreNotCorePoints() {
		KDistanceCurve curve = DbscanClustering.kDistances(MallCustomers.standardised(), 2);

		assertThat(curve.k()).isEqualTo(2);
		assertThat(curve.distances()).hasSize(200);
		assertThat(curve.distances()[0]).isCloseTo(0.6672, within(0.0001));
		for (int i = 1; i < 200; i++) {
			assertThat(curve.distances()[i]).isLessThanOrEqualTo(curve.distances()[i - 1]);
		}
		// 18 rows are farther than 0.3 from their second neighbour: not core points, the 14 noise among them
		assertThat(Arrays.stream(curve.distances()).filter(distance -> distance > 0.3).count()).isEqualTo(18);
		KDistanceCurve thin = curve.thinned(11);
		assertThat(thin.distances()).hasSize(11);
		assertThat(thin.distances()[0]).isEqualTo(curve.distances()[0]);
		assertThat(thin.distances()[10]).isEqualTo(curve.distances()[199]);
	}

	@Test
	void theKDistanceOfAFewPointsWorkedByHand() {
		Features line = Features.of(List.of("x"), new double[][] { { 0 }, { 1 }, { 3 }, { 3 } }, Scaling.NONE);

		// 0: 1 then 3; 1: 1 then 2; 3: the other 3 at 0, then 2
		assertThat(DbscanClustering.kDistances(line, 1).distances()).containsExactly(1, 1, 0, 0);
		assertThat(DbscanClustering.kDistances(line, 2).distances()).containsExactly(3, 2, 2, 2);
	}

	@Test
	void standardisingDividesByThePopulationDeviationAndKeepsAConstantColumnAtZero() {
		Features x = Features.of(List.of("spend", "country"), new double[][] { { 1, 7 }, { 3, 7 }, { 5, 7 } },
				Scaling.STANDARDIZE);

		// mean 3, population standard deviation sqrt(8 / 3)
		double sd = Math.sqrt(8.0 / 3);
		assertThat(x.scaled()[0]).containsExactly(-2 / sd, 0);
		assertThat(x.scaled()[2]).containsExactly(2 / sd, 0);
		assertThat(x.scaler().centres()).containsExactly(3, 7);
		assertThat(x.scaler().scales()).containsExactly(new double[] { sd, 1 }, within(1e-12));
		assertThat(x.scaler().invert(x.scaled()[2])).containsExactly(new double[] { 5, 7 }, within(1e-12));
	}

	@Test
	void logScalingTakesLogarithmsBeforeTheZScoresAndRefusesANegativeValue() {
		Features x = Features.of(List.of("monetary"), new double[][] { { 0 }, { Math.E - 1 }, { Math.E * Math.E - 1 } },
				Scaling.LOG_STANDARDIZE);

		// log(1 + x) is 0, 1 and 2: mean 1, population deviation sqrt(2 / 3)
		double sd = Math.sqrt(2.0 / 3);
		assertThat(x.scaled()[0][0]).isCloseTo(-1 / sd, within(1e-12));
		assertThat(x.scaled()[2][0]).isCloseTo(1 / sd, within(1e-12));
		assertThat(x.scaler().invert(x.scaled()[1])[0]).isCloseTo(Math.E - 1, within(1e-12));
		assertThat(x.scaler().apply(new double[] { Math.E - 1 })[0]).isCloseTo(0, within(1e-12));

		assertThatThrownBy(() -> Features.of(List.of("frequency", "monetary"), new double[][] { { 1, 10 }, { 2, -5 } },
				Scaling.LOG_STANDARDIZE))
			.isInstanceOfSatisfying(InvalidField.class, refusal -> {
				assertThat(refusal.field()).isEqualTo("features");
				assertThat(refusal.messageKey()).isEqualTo("analytics.segments.negativeForLog");
				assertThat(refusal.getArguments()).containsExactly("monetary", 2, -5.0);
			});
		// the same values unscaled, or standardised, are fine
		assertThat(Features.of(List.of("m"), new double[][] { { 1 }, { -5 } }, Scaling.STANDARDIZE).size())
			.isEqualTo(2);
	}

	@Test
	void unscaledFeaturesClusterInTheirOwnUnits() {
		Features x = Features.of(List.of("x"), new double[][] { { 0 }, { 1 }, { 10 }, { 11 } }, Scaling.NONE);

		Segmentation two = KMeansClustering.fit(x, 2, 1, SEED);

		assertThat(x.scaled()[2]).containsExactly(10);
		assertThat(two.labels()[0]).isEqualTo(two.labels()[1]).isNotEqualTo(two.labels()[2]);
		assertThat(two.profiles()).extracting(profile -> profile.means()[0]).containsExactlyInAnyOrder(0.5, 10.5);
		assertThat(two.profiles()).allSatisfy(profile -> assertThat(profile.standardDeviations()).containsExactly(0.5));
	}

	@Test
	void badParametersAreRefusedNamingTheParameter() {
		Features mall = MallCustomers.standardised();

		assertRefused(() -> KMeansClustering.fit(mall, 1, 10, SEED), "k", "analytics.segments.kOutOfRange");
		assertRefused(() -> KMeansClustering.fit(mall, 201, 10, SEED), "k", "analytics.segments.kOutOfRange");
		assertRefused(() -> KMeansClustering.fit(mall, 5, 0, SEED), "restarts",
				"analytics.segments.restartsOutOfRange");
		assertRefused(() -> KMeansClustering.chooseK(mall, 1, 10, 10, SEED), "kMin", "analytics.segments.kRange");
		assertRefused(() -> KMeansClustering.chooseK(mall, 5, 4, 10, SEED), "kMax", "analytics.segments.kRange");
		assertRefused(() -> AgglomerativeClustering.fit(mall, Linkage.WARD, 1), "k", "analytics.segments.kOutOfRange");
		assertRefused(() -> AgglomerativeClustering.fit(mall, Linkage.WARD, 201), "k",
				"analytics.segments.kOutOfRange");
		assertRefused(() -> AgglomerativeClustering.fit(mall, null, 5), "linkage", "analytics.segments.unknownLinkage");
		assertRefused(() -> DbscanClustering.fit(mall, 0, 3), "eps", "analytics.segments.epsNotPositive");
		assertRefused(() -> DbscanClustering.fit(mall, -0.3, 3), "eps", "analytics.segments.epsNotPositive");
		assertRefused(() -> DbscanClustering.fit(mall, Double.NaN, 3), "eps", "analytics.segments.epsNotPositive");
		assertRefused(() -> DbscanClustering.fit(mall, 0.3, 0), "minSamples", "analytics.segments.minSamplesTooSmall");
		assertRefused(() -> DbscanClustering.kDistances(mall, 0), "k", "analytics.segments.kDistanceOutOfRange");
		assertRefused(() -> DbscanClustering.kDistances(mall, 200), "k", "analytics.segments.kDistanceOutOfRange");
	}

	@Test
	void badRowsAreRefusedNamingTheParameter() {
		List<String> names = List.of("recency", "frequency");

		assertRefused(() -> Features.of(names, new double[][] { { 1, 2 } }, Scaling.STANDARDIZE), "file",
				"analytics.segments.tooFewRows");
		assertRefused(() -> Features.of(names, new double[0][], Scaling.NONE), "file", "analytics.segments.tooFewRows");
		assertRefused(() -> Features.of(names, new double[][] { { 1, 2 }, { 3 } }, Scaling.NONE), "file",
				"analytics.segments.rowWidth");
		assertRefused(() -> Features.of(names, new double[][] { { 1, 2 }, { 3, Double.NaN } }, Scaling.NONE),
				"features", "analytics.segments.notFinite");
		double[][] infinite = { { Double.POSITIVE_INFINITY, 2 }, { 3, 4 } };
		assertRefused(() -> Features.of(names, infinite, Scaling.STANDARDIZE), "features",
				"analytics.segments.notFinite");
		assertRefused(() -> Features.of(List.of(), new double[][] { {}, {} }, Scaling.NONE), "features",
				"analytics.segments.noFeatures");
		assertRefused(() -> Features.of(List.of("a", "a"), new double[][] { { 1, 2 }, { 3, 4 } }, Scaling.NONE),
				"features", "analytics.segments.featureName");
		assertThatThrownBy(() -> Features.of(names, new double[][] { { 1, 2 }, { 3, Double.NaN } }, Scaling.NONE))
			.isInstanceOfSatisfying(InvalidField.class,
					refusal -> assertThat(refusal.getArguments()).containsExactly("frequency", 2));
	}

	@Test
	void moreClustersThanDistinctRowsAreRefused() {
		Features twice = Features.of(List.of("x"), new double[][] { { 1 }, { 1 }, { 2 }, { 2 } }, Scaling.STANDARDIZE);

		assertRefused(() -> KMeansClustering.fit(twice, 3, 5, SEED), "k", "analytics.segments.tooFewDistinctRows");
		assertThat(KMeansClustering.fit(twice, 2, 5, SEED).sizes()).containsExactly(2, 2);
	}

	@Test
	void hierarchicalClusteringRefusesMoreRowsThanItsLimitNamingTheAlgorithm() {
		double[][] rows = new double[AgglomerativeClustering.MAX_ROWS + 1][];
		for (int i = 0; i < rows.length; i++) {
			rows[i] = new double[] { i % 97, i % 89 };
		}
		Features many = Features.of(List.of("a", "b"), rows, Scaling.STANDARDIZE);

		assertThatThrownBy(() -> AgglomerativeClustering.fit(many, Linkage.WARD, 5))
			.isInstanceOfSatisfying(InvalidField.class, refusal -> {
				assertThat(refusal.field()).isEqualTo("algorithm");
				assertThat(refusal.messageKey()).isEqualTo("analytics.segments.tooManyRowsForHierarchical");
				assertThat(refusal.getArguments()).containsExactly(10_000, 10_001);
			});
	}

	@Test
	void fitsRunInTheRunnersOwnPoolAndTheirRefusalsComeOutAsThrown() {
		try (FitRunner runner = new FitRunner(2)) {
			String thread = runner.run(() -> Thread.currentThread().getName());
			assertThat(thread).startsWith("analytics-fit-");

			Segmentation kMeans = runner.run(() -> KMeansClustering.fit(MallCustomers.standardised(), 5, 20, SEED));
			assertThat(kMeans.labels()).containsExactly(KMeansClustering.fit(MallCustomers.standardised(), 5, 20, SEED)
				.labels());

			InvalidField refusal = new InvalidField("k", "analytics.segments.kOutOfRange", "k");
			assertThatThrownBy(() -> runner.run(() -> {
				throw refusal;
			})).isSameAs(refusal);
		}
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field,
			String key) {
		assertThatThrownBy(call).isInstanceOfSatisfying(InvalidField.class, refusal -> {
			assertThat(refusal.field()).isEqualTo(field);
			assertThat(refusal.messageKey()).isEqualTo(key);
		});
	}
}
