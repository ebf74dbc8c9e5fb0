package vn.ntm.portal.unit.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import vn.ntm.portal.unit.UnitDirectory;
import vn.ntm.portal.unit.UnitSummary;

/** A lazy combo box over the units in the reader's scope, searched by name or code. */
public final class UnitPicker {

    private UnitPicker() {
    }

    public static ComboBox<UnitSummary> create(UnitDirectory units, String label) {
        ComboBox<UnitSummary> box = new ComboBox<>(label);
        box.setItemLabelGenerator(u -> box.getTranslation("unit.kind." + u.kind().name()) + " " + u.name() + " (" + u.code() + ")");
        box.setItems(q -> units.search(null, q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream(),
                q -> (int) units.count(null, q.getFilter().orElse("")));
        box.setMinWidth("16rem");
        return box;
    }
}
