package vn.ntm.portal.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.select.SelectVariant;

import java.util.Locale;

/** Switches between Vietnamese (the default) and English; the choice is kept in a cookie. */
public class LanguageSelect extends Select<Locale> {

    public LanguageSelect() {
        setItems(PortalLocales.SUPPORTED);
        setItemLabelGenerator(l -> l.getLanguage().equals("vi") ? "Tiếng Việt" : "English");
        setValue(PortalLocales.matching(UI.getCurrent().getLocale()));
        setAriaLabel(getTranslation("shell.language"));
        addThemeVariants(SelectVariant.LUMO_SMALL);
        addClassName("language-select");
        setId("language");
        addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                PortalLocales.remember(e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
    }
}
