package vn.ntm.portal.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.icon.AbstractIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

import java.util.Arrays;
import java.util.List;

/**
 * Puts the portal's language into the texts Vaadin's components bring with them (in English): the upload's button
 * and drop hint, the date picker's month names and buttons. The shell applies it to every page after navigation;
 * a dialog that brings its own upload or date picker calls {@link #localize(Component)} on itself.
 */
public final class ComponentTexts {

    private ComponentTexts() {
    }

    /** Localizes the component and everything inside it. */
    public static void localize(Component root) {
        if (root instanceof Upload upload) {
            upload.setI18n(upload());
        } else if (root instanceof DatePicker picker && picker.getI18n() == null) {
            picker.setI18n(datePicker());
        } else if (root instanceof ProgressBar bar && !bar.getElement().hasAttribute("aria-label")
                && !bar.getElement().hasAttribute("aria-labelledby")) {
            // a progress bar needs a name for screen readers (axe: aria-progressbar-name)
            bar.getElement().setAttribute("aria-label", t("a11y.progress"));
        } else if (root instanceof AbstractIcon<?> icon && icon.getElement().hasAttribute("aria-label")
                && !icon.getElement().hasAttribute("role")) {
            // an icon that says something is an image; a bare element may not carry aria-label (axe: aria-prohibited-attr)
            icon.getElement().setAttribute("role", "img");
        } else if (root instanceof Tabs tabs) {
            // the tab strip's scroller is focusable (tabindex -1) and so breaks the tablist's required children
            // (axe: aria-required-children); it scrolls as well without it
            tabs.getElement().executeJs("customElements.whenDefined('vaadin-tabs').then(() => this.updateComplete)"
                    + ".then(() => { const s = this.shadowRoot && this.shadowRoot.querySelector('[part=tabs]');"
                    + " if (s) { s.removeAttribute('tabindex'); } })");
        }
        root.getChildren().forEach(ComponentTexts::localize);
    }

    static UploadI18N upload() {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(t("upload.add.one")).setMany(t("upload.add.many")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(t("upload.drop.one")).setMany(t("upload.drop.many")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(t("upload.error.tooMany"))
                .setFileIsTooBig(t("upload.error.tooBig")).setIncorrectFileType(t("upload.error.type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(t("upload.status.connecting"))
                        .setStalled(t("upload.status.stalled")).setProcessing(t("upload.status.processing"))
                        .setHeld(t("upload.status.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(t("upload.remaining"))
                        .setUnknown(t("upload.remaining.unknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(t("upload.error.server"))
                        .setUnexpectedServerError(t("upload.error.server")).setForbidden(t("upload.error.forbidden"))
                        .setFileTooLarge(t("upload.error.tooBig"))));
        i18n.setFile(new UploadI18N.File().setRetry(t("upload.file.retry")).setStart(t("upload.file.start"))
                .setRemove(t("upload.file.remove")));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB"));
        return i18n;
    }

    static DatePicker.DatePickerI18n datePicker() {
        return new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.asList(t("datePicker.months").split(",")))
                .setWeekdays(Arrays.asList(t("datePicker.weekdays").split(",")))
                .setWeekdaysShort(Arrays.asList(t("datePicker.weekdaysShort").split(",")))
                .setFirstDayOfWeek(1)
                .setDateFormats("dd/MM/yyyy", "d/M/yyyy", "d/M/yy")
                .setToday(t("datePicker.today"))
                .setCancel(t("datePicker.cancel"))
                .setBadInputErrorMessage(t("datePicker.badInput"))
                .setMinErrorMessage(t("datePicker.min"))
                .setMaxErrorMessage(t("datePicker.max"));
    }

    private static String t(String key) {
        UI ui = UI.getCurrent();
        return ui == null ? key : ui.getTranslation(key);
    }
}
