package vn.ntm.portal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Modulith's {@code verify()} sees Java types, not SQL: a module could read another module's tables in a string
 * and nobody would notice. This test reads the SQL of every module (string literals and text blocks of its classes in
 * src/main) and fails when a module names a table another module owns, except the pairs listed in {@link #ALLOWED}.
 * <p>
 * Ownership: the module whose migration created the table and whose code writes it ({@link #OWNERS}); a table not
 * listed there belongs to the module its name starts with ({@code certificate_...} to {@code certificate}, {@code report_...}
 * to {@code reporting}), and a table
 * with neither fails the test, so that a new table gets an owner when it is created.
 */
class SqlOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/vn/ntm/portal");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Who owns each table created by the migrations up to V20 (the module that writes it). */
    static final Map<String, String> OWNERS = Map.ofEntries(
            entry("administrative_unit", "unit"), entry("unit_successor", "unit"), entry("organisation", "unit"),
            entry("account", "account"),
            entry("person", "person"),
            entry("training_class", "training"), entry("class_trainer", "training"), entry("class_session", "training"),
            entry("roster_entry", "training"), entry("attendance", "training"), entry("enrolment_request", "training"),
            entry("walk_in", "training"),
            entry("curriculum_programme", "curriculum"), entry("curriculum_programme_author", "curriculum"),
            entry("curriculum_topic_group", "curriculum"), entry("curriculum_topic", "curriculum"),
            entry("curriculum_module", "curriculum"), entry("curriculum_module_edition", "curriculum"),
            entry("curriculum_module_level", "curriculum"), entry("curriculum_module_unit", "curriculum"),
            entry("curriculum_lesson", "curriculum"), entry("curriculum_question", "curriculum"), entry("curriculum_option", "curriculum"),
            entry("learning_enrolment", "learning"), entry("learning_lesson_progress", "learning"),
            entry("learning_media_position", "learning"), entry("learning_quiz_attempt", "learning"),
            entry("training_plan", "plan"),
            entry("report_cell", "reporting"), entry("report_class", "reporting"), entry("report_online", "reporting"),
            entry("report_participation", "reporting"), entry("report_pending", "reporting"),
            entry("report_refresh_lock", "reporting"), entry("report_unit_map", "reporting"),
            entry("report_class_trainer", "reporting"),
            entry("audit_change", "audit"), entry("audit_change_field", "audit"),
            // several portal nodes (V22_1): leases, shared secrets and throttle counts; the rebuild's state is reporting's
            entry("shedlock", "cluster"), entry("shared_secret", "cluster"), entry("throttle_counter", "cluster"),
            entry("background_job", "reporting"),
            // Spring Modulith's own table, and the grants of every table after each migration
            entry("event_publication", "common"));

    /**
     * Module → other module's table, each with why. The first block is the lasting exception: the unit tree (paths,
     * parents, successors) is what scope and "units as they are today" are computed from, in the same statement as the
     * rows they filter; going through an API there would mean loading the tree into every query. Everything below
     * "debts" is what issue 14 has not moved behind an API yet: each line is to be removed, none to be added.
     */
    static final Map<String, String> ALLOWED = new TreeMap<>(Map.ofEntries(
            // the unit tree, for scope and reporting units
            entry("reporting -> administrative_unit", "unit tree: recorded path and report units (UnitMapper), unit names, the units API"),
            entry("reporting -> unit_successor", "unit tree: where a dissolved unit reports today (UnitMapper), the units API"),
            entry("account -> administrative_unit", "unit tree: accounts within a coordinator's scope by path prefix"),
            entry("training -> administrative_unit", "unit tree: classes and requests within a coordinator's scope by path prefix"),
            entry("person -> administrative_unit", "unit tree: persons within a coordinator's scope by path prefix"),
            entry("learning -> administrative_unit", "unit tree: learners within a coordinator's scope by path prefix"),
            entry("curriculum -> administrative_unit", "unit tree: module audience and programme owners by path prefix"),
            entry("plan -> administrative_unit", "unit tree: plans within a coordinator's scope by path prefix"),
            // debts (issue 14): to be moved behind the owning module's API
            entry("training -> person", "debt: merged records count as the kept person (coalesce(merged_into, id)); roster rows show names"),
            entry("person -> training_class", "debt: a coordinator sees the persons who took part in classes of their scope"),
            entry("person -> roster_entry", "debt: a coordinator sees the persons who took part in classes of their scope"),
            entry("person -> attendance", "debt: a coordinator sees the persons who took part in classes of their scope"),
            entry("person -> class_session", "debt: a coordinator sees the persons who took part in classes of their scope"),
            entry("curriculum -> account", "debt: programme authors' names (ProgrammeAuthors)"),
            entry("learning -> account", "debt: learners' units and names in coordinators' figures (EnrolmentQueries)"),
            entry("learning -> curriculum_module", "debt: modules of enrolments in coordinators' figures (EnrolmentQueries)")));

    private static final Pattern CREATE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?`?(\\w+)`?");
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern TABLE_REFERENCE = Pattern.compile("(?i)\\b(?:from|join|into|update|table)\\s+`?(\\w+)`?");

    @Test
    void noModuleNamesAnotherModulesTableInItsSqlBeyondTheAllowList() {
        Set<String> tables = createdTables();
        Map<String, Set<String>> found = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles()) {
            String module = SOURCES.relativize(file).getName(0).toString();
            if (file.getNameCount() == SOURCES.getNameCount() + 1) {
                continue; // PortalApplication
            }
            for (String sql : literals(read(file))) {
                Matcher m = TABLE_REFERENCE.matcher(sql);
                while (m.find()) {
                    String table = m.group(1).toLowerCase();
                    if (!tables.contains(table)) {
                        continue;
                    }
                    String owner = owner(table);
                    if (!owner.equals(module)) {
                        String pair = module + " -> " + table;
                        found.computeIfAbsent(pair, k -> new TreeSet<>()).add(file.getFileName().toString());
                        if (!ALLOWED.containsKey(pair)) {
                            violations.add(pair + " in " + SOURCES.relativize(file));
                        }
                    }
                }
            }
        }
        assertThat(violations).as("SQL naming another module's table; go through that module's API instead (found: %s)", found)
                .isEmpty();
        // a debt paid is taken off the list, so that it cannot come back unnoticed
        assertThat(found.keySet()).as("allow-list lines no code needs any more").containsAll(ALLOWED.keySet());
    }

    @Test
    void reportingsSqlNamesOnlyItsOwnTablesAndTheUnitTree() {
        // participation, completion, classes, online enrolments, names and topics come through the owners' APIs
        Set<String> tables = createdTables();
        Set<String> named = new TreeSet<>();
        for (Path file : javaFiles()) {
            if (!SOURCES.relativize(file).getName(0).toString().equals("reporting")) {
                continue;
            }
            for (String sql : literals(read(file))) {
                Matcher m = TABLE_REFERENCE.matcher(sql);
                while (m.find()) {
                    String table = m.group(1).toLowerCase();
                    if (tables.contains(table) && !owner(table).equals("reporting")) {
                        named.add(table);
                    }
                }
            }
        }
        assertThat(named).isSubsetOf("administrative_unit", "unit_successor");
    }

    @Test
    void everyTableHasAnOwnerAndTheAllowListNamesOnlyRealTablesAndModules() {
        Set<String> tables = createdTables();
        tables.forEach(SqlOwnershipTest::owner);
        Set<String> modules = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            dirs.filter(Files::isDirectory).forEach(d -> modules.add(d.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String pair : ALLOWED.keySet()) {
            String[] parts = pair.split(" -> ");
            assertThat(modules).as(pair).contains(parts[0]);
            assertThat(tables).as(pair).contains(parts[1]);
        }
    }

    private static String owner(String table) {
        String owner = OWNERS.get(table);
        if (owner != null) {
            return owner;
        }
        String prefix = table.contains("_") ? table.substring(0, table.indexOf('_')) : table;
        prefix = prefix.equals("report") ? "reporting" : prefix;
        if (Files.isDirectory(SOURCES.resolve(prefix))) {
            return prefix;
        }
        throw new AssertionError("Table " + table + " has no owner: add it to SqlOwnershipTest.OWNERS or name it after its module");
    }

    private static Set<String> createdTables() {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            files.filter(f -> f.toString().endsWith(".sql")).forEach(f -> {
                Matcher m = CREATE.matcher(read(f));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    private static List<String> literals(String source) {
        List<String> out = new ArrayList<>();
        Matcher blocks = TEXT_BLOCK.matcher(source);
        StringBuilder rest = new StringBuilder();
        while (blocks.find()) {
            out.add(blocks.group(1));
            blocks.appendReplacement(rest, " ");
        }
        blocks.appendTail(rest);
        Matcher literals = LITERAL.matcher(rest);
        while (literals.find()) {
            out.add(literals.group(1));
        }
        return out;
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
