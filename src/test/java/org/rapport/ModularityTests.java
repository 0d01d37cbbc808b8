package org.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	/** The newcomer's picture of the modules: a Mermaid flowchart, one arrow per dependency. */
	static final Path ARCHITECTURE = Path.of("docs/ARCHITECTURE.md");

	/** The module that every module uses, which the picture leaves out. */
	static final String SHARED = "shared";

	private static final Pattern MERMAID = Pattern.compile("(?s)```mermaid\\n(.*?)```");

	private static final Pattern ARROW = Pattern.compile("\\s*(\\w+)\\s*-->\\s*(\\w+)\\s*");

	private final ApplicationModules modules = ApplicationModules.of(RapportApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

	@Test
	void theArchitecturePictureDrawsEveryDependencyBetweenModulesAndNoOther() throws IOException {
		SortedSet<String> inCode = modules.stream()
			.flatMap(module -> module.getDirectDependencies(modules)
				.uniqueModules()
				.map(ModularityTests::name)
				.filter(target -> !target.equals(SHARED))
				.map(target -> name(module) + " --> " + target))
			.collect(Collectors.toCollection(TreeSet::new));
		SortedSet<String> drawn = arrowsOf(Files.readString(ARCHITECTURE));

		assertThat(drawn).withFailMessage(() -> "The picture in " + ARCHITECTURE + " differs from the dependencies"
				+ " in the code." + lines("Add to its mermaid block:", difference(inCode, drawn))
				+ lines("Remove from it:", difference(drawn, inCode)))
			.isEqualTo(inCode);
	}

	/** The arrows of the document's first Mermaid block, one per line as {@code from --> to}. */
	static SortedSet<String> arrowsOf(String document) {
		Matcher block = MERMAID.matcher(document);
		assertThat(block.find()).as("%s has a mermaid block", ARCHITECTURE).isTrue();
		SortedSet<String> arrows = new TreeSet<>();
		for (String line : block.group(1).split("\n")) {
			if (!line.contains("-->")) {
				continue;
			}
			Matcher arrow = ARROW.matcher(line);
			assertThat(arrow.matches()).as("one arrow per line, 'from --> to', in %s: %s", ARCHITECTURE, line)
				.isTrue();
			arrows.add(arrow.group(1) + " --> " + arrow.group(2));
		}
		return arrows;
	}

	private static String name(ApplicationModule module) {
		return module.getIdentifier().toString();
	}

	private static List<String> difference(Set<String> these, Set<String> those) {
		return these.stream().filter(arrow -> !those.contains(arrow)).toList();
	}

	private static String lines(String heading, List<String> arrows) {
		return arrows.isEmpty() ? "" : "\n" + heading + arrows.stream().map(arrow -> "\n    " + arrow)
			.collect(Collectors.joining());
	}
}
