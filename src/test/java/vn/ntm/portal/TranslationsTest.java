package vn.ntm.portal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Vietnamese and English stay in step, and every key the code names exists. */
class TranslationsTest {

    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "(?:getTranslation|ValidationException|ImportProblem\\.at\\([^\"]*|success|@Menu\\(title =|@PageTitle\\()\\s*\\(?\\s*\"([a-zA-Z][\\w.]+)\"(?=\\s*[,)])");

    @Test
    void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("translations_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("translations.properties").stringPropertyNames());
    }

    @Test
    void everyKeyNamedInTheCodeIsTranslated() throws IOException {
        Set<String> keys = load("translations.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        Set<String> found = new HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(m.group(1));
                    if (!keys.contains(m.group(1))) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(found).hasSizeGreaterThan(50);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyEnumShownOnScreenIsTranslated() throws IOException {
        Set<String> keys = load("translations.properties").stringPropertyNames();
        for (var role : vn.ntm.portal.security.Role.values()) {
            assertThat(keys).contains("role." + role.name(), "home.role." + role.name(), "home.stat.accounts." + role.name());
        }
        for (var kind : vn.ntm.portal.unit.UnitKind.values()) {
            assertThat(keys).contains("unit.kind." + kind.name());
        }
        for (var level : vn.ntm.portal.unit.UnitLevel.values()) {
            assertThat(keys).contains("unit.level." + level.name());
        }
        for (var level : vn.ntm.portal.account.TraineeLevel.values()) {
            assertThat(keys).contains("traineeLevel." + level.name());
        }
        for (var kind : vn.ntm.portal.unit.OrganisationKind.values()) {
            assertThat(keys).contains("organisation.kind." + kind.name());
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
