package vn.ntm.portal.shell;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phone gets the portal's forty icons in one 11 KB sprite, not Vaadin's 600-icon set (56 KB compressed script on
 * every first visit): every icon the code names is in the sprite, and no view brings the whole set back.
 */
class PortalIconTest {

    @Test
    void everyIconOfThePortalIsDrawnInTheSprite() throws IOException {
        String sprite;
        try (InputStream in = PortalIconTest.class.getResourceAsStream("/META-INF/resources/" + PortalIcon.SPRITE)) {
            assertThat(in).as("the sprite is served with the application").isNotNull();
            sprite = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (PortalIcon icon : PortalIcon.values()) {
            assertThat(sprite).as(icon.name()).contains("<symbol id=\"" + icon.symbol() + "\"");
        }
    }

    @Test
    void noViewBringsBackVaadinsWholeIconSet() throws IOException {
        List<String> offenders;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            offenders = sources.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String code = Files.readString(p);
                    // each of these makes the build send all of Vaadin's icons to the pages that use it
                    return code.contains("component.icon.VaadinIcon") || code.contains("component.icon.Icon;")
                            || code.contains("lumo.LumoIcon") || code.contains("new Icon(");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Path::toString).toList();
        }
        assertThat(offenders).as("use PortalIcon instead").isEmpty();
    }

    @Test
    void menuEntriesFindTheirIconsByTheirVaadinNames() {
        assertThat(PortalIcon.ofMenu("vaadin:academy-cap")).contains(PortalIcon.ACADEMY_CAP);
        assertThat(PortalIcon.ofMenu("vaadin:no-such-icon")).isEmpty();
    }
}
