package org.stackratings;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The package map of docs/architecture.md ("Packages (`org.stackratings.*`)"), read from the document at test time
 * and checked against the main classes: each top-level package (with its sub-packages) depends only on itself, on
 * the packages its row lists under "may import", and on code outside {@code org.stackratings}.
 */
class ArchitectureTest {

    private static final String ROOT = "org.stackratings";
    private static final Path ARCHITECTURE_DOC = Path.of("docs", "architecture.md");
    private static final String TABLE_HEADING = "## Packages (`org.stackratings.*`)";

    private static JavaClasses mainClasses;
    private static List<Row> table;

    @BeforeAll
    static void importMainClassesAndReadTheTable() throws IOException {
        mainClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        table = PackageTable.parse(Files.readAllLines(ARCHITECTURE_DOC));
    }

    @TestFactory
    Stream<DynamicTest> eachPackageImportsOnlyWhatItsRowLists() {
        return table.stream().map(row -> dynamicTest(
                "`" + row.name() + "` may import " + (row.mayImport().isEmpty() ? "—" : row.mayImport()),
                () -> dependencyRule(row).check(mainClasses)));
    }

    private static ArchRule dependencyRule(Row row) {
        List<String> allowed = new ArrayList<>();
        allowed.add(ROOT + "." + row.name() + "..");
        row.mayImport().forEach(name -> allowed.add(ROOT + "." + name + ".."));
        return classes().that().resideInAPackage(ROOT + "." + row.name() + "..")
                .should().onlyDependOnClassesThat(resideInAnyPackage(allowed.toArray(String[]::new))
                        .or(resideOutsideOfPackage(ROOT + "..")))
                .because("the row of `" + row.name() + "` in " + ARCHITECTURE_DOC + " lists "
                        + (row.mayImport().isEmpty() ? "no package" : String.join(", ", row.mayImport()))
                        + " under \"may import\"");
    }

    @Test
    void everyPackageInTheCodeHasARowAndEveryRowNamesAPackageInTheCode() {
        Set<String> inCode = new TreeSet<>();
        Set<String> inTheRootItself = new TreeSet<>();
        for (JavaClass javaClass : mainClasses) {
            String pkg = javaClass.getPackageName();
            if (pkg.equals(ROOT)) {
                inTheRootItself.add(javaClass.getName());
            } else {
                inCode.add(pkg.substring(ROOT.length() + 1).split("\\.")[0]);
            }
        }
        Set<String> inTable = table.stream().map(Row::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> withoutARow = new TreeSet<>(inCode);
        withoutARow.removeAll(inTable);
        Set<String> withoutCode = new TreeSet<>(inTable);
        withoutCode.removeAll(inCode);
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(mainClasses.contain(ArchitectureTest.class)).as("test classes are imported as main classes")
                    .isFalse();
            softly.assertThat(inTheRootItself).as("classes directly in %s, outside every package of the table", ROOT)
                    .isEmpty();
            softly.assertThat(withoutARow).as("top-level packages of %s in the code that have no row in %s",
                    ROOT, ARCHITECTURE_DOC).isEmpty();
            softly.assertThat(withoutCode).as("rows of %s that name no package of the code", ARCHITECTURE_DOC)
                    .isEmpty();
            for (Row row : table) {
                softly.assertThat(inTable).as("the packages that row `%s` may import", row.name())
                        .containsAll(row.mayImport());
            }
        });
    }

    @Test
    void onlyTheOpenstackPackageImportsOpenstack4j() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".openstack..")
                .should().dependOnClassesThat().resideInAPackage("org.openstack4j..")
                .because("openstack4j stays behind CloudClient/CloudSession (" + ARCHITECTURE_DOC + ")")
                .check(mainClasses);
    }

    @Test
    void onlyOpenstackAndWebhookDeliveryImportOkHttp() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".openstack..", ROOT + ".publish.webhook..")
                .should().dependOnClassesThat().resideInAPackage("okhttp3..")
                .because("OkHttp is openstack4j's connector and the webhook sender's client (" + ARCHITECTURE_DOC + ")")
                .check(mainClasses);
    }

    /** "Inside the sandbox" (docs/architecture.md): the order of its parts, and each service API on its own. */
    @TestFactory
    Stream<DynamicTest> theSandboxsPartsImportAsTheMapSays() {
        String sandbox = ROOT + ".sandbox";
        List<String> layers = List.of("api", "routing", "hostile", "state", "profile"); // each may use those after it
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 1; i < layers.size(); i++) {
            String lower = layers.get(i);
            String[] above = layers.subList(0, i).stream().map(l -> sandbox + "." + l + "..").toArray(String[]::new);
            tests.add(dynamicTest("sandbox." + lower + " uses nothing above it", () -> noClasses()
                    .that().resideInAPackage(sandbox + "." + lower + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(above)
                    .check(mainClasses)));
        }
        tests.add(dynamicTest("no part but the top package imports backfill", () -> noClasses()
                .that().resideInAnyPackage(layers.stream().map(l -> sandbox + "." + l + "..").toArray(String[]::new))
                .should().dependOnClassesThat().resideInAPackage(sandbox + ".backfill..")
                .check(mainClasses)));
        List<String> services = List.of("identity", "compute", "image", "network", "volume");
        for (String service : services) {
            String own = sandbox + ".api." + service + "..";
            tests.add(dynamicTest("sandbox.api." + service + " imports no other service's package", () -> noClasses()
                    .that().resideInAPackage(own)
                    .should().dependOnClassesThat().resideInAnyPackage(services.stream().filter(s -> !s.equals(service))
                            .map(s -> sandbox + ".api." + s + "..").toArray(String[]::new))
                    .check(mainClasses)));
            tests.add(dynamicTest("only SandboxServer's package imports sandbox.api." + service, () -> noClasses()
                    .that().resideOutsideOfPackages(own, sandbox)
                    .should().dependOnClassesThat().resideInAPackage(own)
                    .check(mainClasses)));
        }
        tests.add(dynamicTest("only the profile facade uses profile.yaml", () -> noClasses()
                .that().resideOutsideOfPackages(sandbox + ".profile", sandbox + ".profile.yaml..")
                .should().dependOnClassesThat().resideInAPackage(sandbox + ".profile.yaml..")
                .check(mainClasses)));
        return tests.stream();
    }

    /**
     * "compliance.conformance" (docs/architecture.md): the run engine imports none of its parts; the check groups
     * ({@code checks} and its areas) and the reaper ({@code reaper}) use the engine, never each other; the network and
     * the volume check groups ({@code checks.network}, {@code checks.volume}) share only what {@code checks} holds.
     */
    @TestFactory
    Stream<DynamicTest> theConformanceRunsPartsImportOnlyTheEngine() {
        String engine = ROOT + ".compliance.conformance";
        List<String> parts = List.of("checks", "reaper");
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(dynamicTest("compliance.conformance imports none of its parts", () -> noClasses()
                .that().resideInAPackage(engine)
                .should().dependOnClassesThat().resideInAnyPackage(parts.stream().map(p -> engine + "." + p + "..")
                        .toArray(String[]::new))
                .check(mainClasses)));
        for (String part : parts) {
            tests.add(dynamicTest("compliance.conformance." + part + " imports no other part", () -> noClasses()
                    .that().resideInAPackage(engine + "." + part + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(parts.stream().filter(p -> !p.equals(part))
                            .map(p -> engine + "." + p + "..").toArray(String[]::new))
                    .check(mainClasses)));
        }
        List<String> areas = List.of("network", "volume");
        for (String area : areas) {
            tests.add(dynamicTest("compliance.conformance.checks." + area + " imports no other area", () -> noClasses()
                    .that().resideInAPackage(engine + ".checks." + area + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(areas.stream().filter(a -> !a.equals(area))
                            .map(a -> engine + ".checks." + a + "..").toArray(String[]::new))
                    .check(mainClasses)));
        }
        return tests.stream();
    }

    @Test
    void theParserReadsNamesDashesAndRemarks() {
        List<Row> rows = PackageTable.parse(List.of(
                "# Architecture", "", TABLE_HEADING, "",
                "| package | what it holds | may import |",
                "| --- | --- | --- |",
                "| `web` | problem details (`ProblemMappers`) | — |",
                "| `gate` | the gate | `publish` (the in-memory `RatingReadModel` only), `rating`, `web` |",
                "| `sandbox` | the simulator | `member` (registration), `measurement` and `rating` (the backfill only) |",
                "", "Dependencies point one way."));
        assertThat(rows).containsExactly(
                new Row("web", Set.of()),
                new Row("gate", Set.of("publish", "rating", "web")),
                new Row("sandbox", Set.of("member", "measurement", "rating")));
        assertThatThrownBy(() -> PackageTable.parse(List.of(TABLE_HEADING, "| package | what it holds | may import |",
                "| --- | --- | --- |", "| `web` | x | everything |")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("everything");
        assertThatThrownBy(() -> PackageTable.parse(List.of("# Architecture", "no table here")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(TABLE_HEADING);
    }

    /** One row of the table: a top-level package under org.stackratings and the packages it may import. */
    record Row(String name, Set<String> mayImport) {
    }

    /** Reads the package table out of the markdown of docs/architecture.md. */
    static final class PackageTable {
        private static final Pattern NAME = Pattern.compile("`([a-z][a-z0-9]*)`");
        private static final Pattern REMARK = Pattern.compile("\\([^)]*\\)");
        private static final Pattern SEPARATORS = Pattern.compile("([\\s,]|\\band\\b)*");

        private PackageTable() {
        }

        static List<Row> parse(List<String> lines) {
            int heading = lines.indexOf(TABLE_HEADING);
            if (heading < 0) {
                throw new IllegalArgumentException("no heading '" + TABLE_HEADING + "' in " + ARCHITECTURE_DOC);
            }
            int header = heading + 1;
            while (header < lines.size() && !lines.get(header).startsWith("|")) {
                header++;
            }
            if (header + 1 >= lines.size()
                    || !cells(lines.get(header)).equals(List.of("package", "what it holds", "may import"))
                    || !lines.get(header + 1).matches("\\|(\\s*-+\\s*\\|){3}")) {
                throw new IllegalArgumentException("under '" + TABLE_HEADING + "' the table has no header "
                        + "'| package | what it holds | may import |' followed by '| --- | --- | --- |'");
            }
            List<Row> rows = new ArrayList<>();
            for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
                rows.add(row(lines.get(i)));
            }
            return rows;
        }

        private static Row row(String line) {
            List<String> cells = cells(line);
            if (cells.size() != 3) {
                throw new IllegalArgumentException("a row of the package table has " + cells.size()
                        + " cells, not 3: " + line);
            }
            Matcher name = NAME.matcher(cells.get(0));
            if (!name.matches()) {
                throw new IllegalArgumentException("the package cell is not one name in backticks: " + line);
            }
            return new Row(name.group(1), mayImport(name.group(1), cells.get(2)));
        }

        /** Names in backticks; "—" is none; parenthesised remarks are dropped; anything else is an error. */
        private static Set<String> mayImport(String row, String cell) {
            if (cell.equals("—")) {
                return Set.of();
            }
            String withoutRemarks = REMARK.matcher(cell).replaceAll(" ");
            Set<String> names = new LinkedHashSet<>();
            Matcher matcher = NAME.matcher(withoutRemarks);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            String rest = NAME.matcher(withoutRemarks).replaceAll(" ");
            if (names.isEmpty() || !SEPARATORS.matcher(rest).matches()) {
                throw new IllegalArgumentException("the \"may import\" cell of `" + row + "` is not names in "
                        + "backticks (with remarks in parentheses) or —: " + cell);
            }
            return Collections.unmodifiableSet(names);
        }

        /** The cells of a table line, split on the pipes that are not inside backticks. */
        private static List<String> cells(String line) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean inCode = false;
            for (char c : line.trim().toCharArray()) {
                if (c == '`') {
                    inCode = !inCode;
                }
                if (c == '|' && !inCode) {
                    cells.add(cell.toString().trim());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString().trim());
            // a line "| a | b |" splits into "", "a", "b", ""
            return cells.size() >= 2 ? List.copyOf(cells.subList(1, cells.size() - 1)) : List.of();
        }
    }
}
