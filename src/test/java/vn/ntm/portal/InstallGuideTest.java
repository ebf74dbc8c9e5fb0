package vn.ntm.portal;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator configures the portal from docs/INSTALL.md's table alone: every variable named there reaches its
 * property, and every property the code reads is in the table.
 */
class InstallGuideTest {

    private static final Path GUIDE = Path.of("docs/INSTALL.md");
    /** `ENV_NAME` | `property.name` at the start of a table row. */
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z][A-Z0-9_]*)` \\| `([a-z][a-zA-Z0-9.-]*)` \\|", Pattern.MULTILINE);
    /** Settings that are not the operator's: test and timing knobs. */
    private static final Set<String> INTERNAL = Set.of("portal.session.recheck-millis", "portal.demo.enabled",
            "portal.embedded-db.fresh", "portal.shared-dir");

    @Test
    void everyVariableInTheInstallGuideSetsItsProperty() throws IOException {
        Map<String, String> rows = documentedVariables();
        assertThat(rows).containsEntry("SPRING_DATASOURCE_URL", "spring.datasource.url")
                .containsEntry("PORTAL_TRUSTED_PROXIES", "portal.trusted-proxies")
                .containsEntry("PORTAL_CURRICULUM_SEED", "portal.curriculum.seed");

        rows.forEach((variable, property) -> {
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            Map.of(variable, "value-of-" + variable)));
            // the build's own -D settings (surefire) would win over the variable
            environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
            ConfigurationPropertySources.attach(environment);

            assertThat(environment.getProperty(property)).as("%s sets %s", variable, property)
                    .isEqualTo("value-of-" + variable);
        });
    }

    @Test
    void everyPropertyTheCodeReadsIsInTheInstallGuide() throws IOException {
        Set<String> read = new TreeSet<>();
        Pattern placeholder = Pattern.compile("\\$\\{(portal\\.[a-z0-9.-]+)[:}]|getProperty\\(\"(portal\\.[a-z0-9.-]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main"))) {
            for (Path file : sources.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".properties")).toList()) {
                Matcher m = placeholder.matcher(Files.readString(file));
                while (m.find()) {
                    read.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        read.removeAll(INTERNAL);

        assertThat(read).isNotEmpty();
        assertThat(documentedVariables().values()).containsAll(read);
    }

    private static Map<String, String> documentedVariables() throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(Files.readString(GUIDE));
        while (m.find()) {
            rows.put(m.group(1), m.group(2));
        }
        return rows;
    }
}
