package vn.ntm.portal.certificate.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.certificate.CertificateTemplate;
import vn.ntm.portal.certificate.CertificateTemplates;
import vn.ntm.portal.certificate.SealImage;
import vn.ntm.portal.certificate.TemplateForm;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.shell.ComponentTexts;
import vn.ntm.portal.shell.Notifications;

/** The template a class's certificates are printed from; editable by those who manage the class. */
class TemplatePanel extends VerticalLayout {

    private final CertificateTemplates templates;
    private final long classId;
    private final @Nullable Long moduleId;
    private final boolean manages;
    private final TextField title = new TextField();
    private final TextField officeName = new TextField();
    private final TextField officeCode = new TextField();
    private final TextField signerName = new TextField();
    private final TextField signerTitle = new TextField();
    private final TextField place = new TextField();
    private final TextArea wording = new TextArea();
    private final IntegerField hours = new IntegerField();
    private final Checkbox forProgramme = new Checkbox();
    private final Checkbox autoIssue = new Checkbox();
    private final Span sealState = new Span();
    private final Upload seal;
    private @Nullable CertificateTemplate current;

    TemplatePanel(CertificateTemplates templates, long classId, boolean manages) {
        this(templates, classId, null, manages);
    }

    /** The template of an online module (its programme's authors edit it; there is no programme-wide choice). */
    static TemplatePanel ofModule(CertificateTemplates templates, long moduleId) {
        return new TemplatePanel(templates, 0, moduleId, true);
    }

    private TemplatePanel(CertificateTemplates templates, long classId, @Nullable Long moduleId, boolean manages) {
        this.templates = templates;
        this.classId = classId;
        this.moduleId = moduleId;
        this.manages = manages;
        setPadding(false);
        title.setLabel(getTranslation("certificate.template.title"));
        officeName.setLabel(getTranslation("certificate.template.officeName"));
        officeCode.setLabel(getTranslation("certificate.template.officeCode"));
        officeCode.setHelperText(getTranslation("certificate.template.officeCodeHelp"));
        signerName.setLabel(getTranslation("certificate.template.signerName"));
        signerTitle.setLabel(getTranslation("certificate.template.signerTitle"));
        place.setLabel(getTranslation("certificate.template.place"));
        wording.setLabel(getTranslation("certificate.template.wording"));
        hours.setLabel(getTranslation("certificate.template.hours"));
        forProgramme.setLabel(getTranslation("certificate.template.forProgramme"));
        autoIssue.setLabel(getTranslation("certificate.template.autoIssue"));
        autoIssue.setHelperText(getTranslation("certificate.template.autoIssueHelp"));
        autoIssue.setId("template-auto-issue");
        title.setMaxLength(200);
        officeName.setMaxLength(255);
        officeCode.setMaxLength(20);
        signerName.setMaxLength(120);
        signerTitle.setMaxLength(200);
        place.setMaxLength(120);
        wording.setMaxLength(1000);
        title.setId("template-title");
        officeName.setId("template-office");
        officeCode.setId("template-office-code");
        signerName.setId("template-signer");
        signerTitle.setId("template-signer-title");
        wording.setId("template-wording");
        FormLayout form = new FormLayout(title, officeName, officeCode, signerName, signerTitle, place, wording, hours, forProgramme, autoIssue);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        add(form);
        forProgramme.setVisible(moduleId == null);
        seal = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            UI ui = UI.getCurrent();
            ui.access(() -> upload(bytes));
        }));
        seal.setMaxFiles(1);
        seal.setMaxFileSize(SealImage.MAX_BYTES);
        seal.setAcceptedFileTypes("image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
        seal.setId("template-seal");
        ComponentTexts.localize(seal);
        if (manages) {
            Button save = new Button(getTranslation("certificate.template.save"), e -> save());
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("template-save");
            add(save, new Span(getTranslation("certificate.template.seal")), seal, sealState);
        } else {
            form.getChildren().forEach(c -> c.getElement().setProperty("readonly", true));
            add(sealState);
        }
        load();
    }

    boolean ready() {
        return current != null;
    }

    private void load() {
        current = (moduleId == null ? templates.forClass(classId) : templates.forModule(moduleId)).orElse(null);
        TemplateForm f = current == null ? TemplateForm.blank() : current.form();
        title.setValue(f.title());
        officeName.setValue(f.officeName());
        officeCode.setValue(f.officeCode());
        signerName.setValue(f.signerName());
        signerTitle.setValue(f.signerTitle());
        place.setValue(f.place() == null ? "" : f.place());
        wording.setValue(f.wording());
        hours.setValue(f.hours());
        forProgramme.setValue(f.forProgramme());
        autoIssue.setValue(f.autoIssue());
        sealState.setText(getTranslation(current == null ? "certificate.template.none"
                : current.hasSeal() ? "certificate.template.hasSeal" : "certificate.template.noSeal"));
        seal.setVisible(manages && current != null);
    }

    private void save() {
        try {
            TemplateForm form = new TemplateForm(title.getValue(), officeName.getValue(), officeCode.getValue(), signerName.getValue(),
                    signerTitle.getValue(), place.getValue(), wording.getValue(), hours.getValue(), moduleId == null && forProgramme.getValue(),
                    autoIssue.getValue());
            if (moduleId == null) {
                templates.save(classId, form, current == null || current.form().forProgramme() != forProgramme.getValue() ? null : current.version());
            } else {
                templates.saveForModule(moduleId, form, current == null ? null : current.version());
            }
            Notifications.success("certificate.template.saved");
        } catch (ValidationException invalid) {
            Notifications.error(invalid);
        }
        load();
    }

    private void upload(byte[] bytes) {
        if (current == null) {
            return;
        }
        try {
            templates.setSeal(current.id(), bytes);
            Notifications.success("certificate.template.sealSaved");
        } catch (ValidationException invalid) {
            Notifications.error(invalid);
        }
        seal.clearFileList();
        load();
    }
}
