package vn.ntm.portal.certificate.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.certificate.Candidate;
import vn.ntm.portal.certificate.CertificateDocuments;
import vn.ntm.portal.certificate.CertificateService;
import vn.ntm.portal.certificate.CertificateTemplates;
import vn.ntm.portal.certificate.FollowUp;
import vn.ntm.portal.certificate.IssuedCertificate;
import vn.ntm.portal.certificate.PaperCertificate;
import vn.ntm.portal.common.ValidationException;
import vn.ntm.portal.shell.Notifications;
import vn.ntm.portal.shell.ScreenWidth;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The certificates of one class: the template, who completed (preselected) and issuing, the certificates issued
 * with their PDF, revocation, and the class's ZIP and list; and those issued on paper in past years, if any.
 */
@Route("class-certificates")
@PageTitle("nav.certificates")
@RolesAllowed({"ADMIN", "COORDINATOR", "TRAINER"})
class ClassCertificatesView extends VerticalLayout implements HasUrlParameter<Long> {

    private final CertificateService certificates;
    private final CertificateTemplates templates;
    private final CertificateDocuments documents;
    private final boolean manages;
    private final Grid<Candidate> candidates = new Grid<>();
    private final Grid<IssuedCertificate> issued = new Grid<>();
    private final Grid<FollowUp> followUp = new Grid<>();
    private final VerticalLayout followUpSection = new VerticalLayout();
    private final Grid<PaperCertificate> paper = new Grid<>();
    private final VerticalLayout paperSection = new VerticalLayout();
    private long classId;

    ClassCertificatesView(CertificateService certificates, CertificateTemplates templates, CertificateDocuments documents,
                          AuthenticationContext authentication) {
        this.certificates = certificates;
        this.templates = templates;
        this.documents = documents;
        this.manages = authentication.hasAnyRole("ADMIN", "COORDINATOR");
        addClassName("class-certificates");
    }

    @Override
    public void setParameter(BeforeEvent event, Long classId) {
        this.classId = classId;
        removeAll();
        TemplatePanel template = new TemplatePanel(templates, classId, manages);
        Details templateDetails = new Details(getTranslation("certificate.template"), template);
        templateDetails.setOpened(!template.ready());
        H2 heading = new H2(getTranslation("nav.certificates"));
        heading.setId("certificates-heading");
        add(heading, templateDetails, followUpSection(), candidatesSection(), issuedSection(), paperSection());
        reload();
    }

    private VerticalLayout candidatesSection() {
        candidates.setSelectionMode(Grid.SelectionMode.MULTI);
        candidates.setId("certificate-candidates");
        candidates.addColumn(Candidate::fullName).setHeader(getTranslation("certificate.name")).setFlexGrow(1);
        var birthYear = candidates.addColumn(c -> c.birthYear() == null ? "" : String.valueOf(c.birthYear()))
                .setHeader(getTranslation("certificate.birthYear")).setAutoWidth(true).setFlexGrow(0);
        // on a phone the secondary columns go, so that the grid does not scroll sideways
        ScreenWidth.whenNarrow(candidates, narrow -> birthYear.setVisible(!narrow));
        candidates.addColumn(c -> c.sessionsAttended() + "/" + c.sessions()).setHeader(getTranslation("certificate.sessions"))
                .setAutoWidth(true).setFlexGrow(0);
        candidates.addColumn(c -> getTranslation(c.certified() ? "certificate.candidate.certified"
                : c.completed() ? "certificate.candidate.completed" : "certificate.candidate.notCompleted"))
                .setHeader(getTranslation("certificate.result")).setAutoWidth(true);
        candidates.setAllRowsVisible(false);
        candidates.setHeight("22rem");
        Button issue = new Button(getTranslation("certificate.issue"), e -> issueSelected());
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        issue.setId("certificate-issue");
        VerticalLayout section = new VerticalLayout(new H3(getTranslation("certificate.candidates")),
                new Paragraph(getTranslation("certificate.candidatesHelp")), candidates, issue);
        section.setPadding(false);
        return section;
    }

    /** Holders who no longer meet the rule: shown only when there are some, for those who manage to revoke or keep. */
    private VerticalLayout followUpSection() {
        followUpSection.removeAll();
        followUp.removeAllColumns();
        followUp.setId("certificate-follow-up");
        followUp.addColumn(f -> f.certificate().number()).setHeader(getTranslation("certificate.number")).setAutoWidth(true).setFlexGrow(0);
        followUp.addColumn(f -> f.certificate().traineeName()).setHeader(getTranslation("certificate.name")).setFlexGrow(1);
        followUp.addColumn(f -> f.sessionsAttended() + "/" + f.sessions()).setHeader(getTranslation("certificate.sessionsNow"))
                .setAutoWidth(true).setFlexGrow(0);
        if (manages) {
            followUp.addComponentColumn(f -> {
                Button revoke = new Button(getTranslation("certificate.revoke"), e -> askReason("certificate.revokeTitle",
                        reason -> certificates.revoke(f.certificate().id(), reason)));
                revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                Button keep = new Button(getTranslation("certificate.keep"), e -> keep(f));
                keep.addThemeVariants(ButtonVariant.LUMO_SMALL);
                FlexLayout actions = new FlexLayout(revoke, keep);
                actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
                actions.getStyle().set("gap", "var(--lumo-space-s)");
                return actions;
            }).setAutoWidth(true);
        }
        followUp.setAllRowsVisible(true);
        H3 title = new H3(getTranslation("certificate.followUp"));
        title.setId("certificate-follow-up-heading");
        followUpSection.add(title, new Paragraph(getTranslation("certificate.followUpHelp")), followUp);
        followUpSection.setPadding(false);
        return followUpSection;
    }

    private void keep(FollowUp f) {
        try {
            certificates.keep(f.certificate().id());
            Notifications.success("certificate.kept");
        } catch (ValidationException invalid) {
            Notifications.error(invalid);
        }
        reload();
    }

    private VerticalLayout issuedSection() {
        issued.setId("certificates-issued");
        issued.addColumn(IssuedCertificate::number).setHeader(getTranslation("certificate.number")).setAutoWidth(true).setFlexGrow(0);
        issued.addColumn(IssuedCertificate::traineeName).setHeader(getTranslation("certificate.name")).setFlexGrow(1);
        var code = issued.addColumn(IssuedCertificate::groupedCode).setHeader(getTranslation("certificate.code")).setAutoWidth(true);
        ScreenWidth.whenNarrow(issued, narrow -> code.setVisible(!narrow));
        issued.addColumn(c -> getTranslation(c.revoked() ? "certificate.status.revoked" : "certificate.status.valid"))
                .setHeader(getTranslation("certificate.status")).setAutoWidth(true);
        issued.addComponentColumn(c -> {
            FlexLayout actions = new FlexLayout(Downloads.link(getTranslation("certificate.downloadPdf"), CertificateDocuments.fileName(c),
                    "application/pdf", out -> documents.writePdf(c.id(), out)));
            if (manages && !c.revoked()) {
                Button revoke = new Button(getTranslation("certificate.revoke"), e -> askReason("certificate.revokeTitle",
                        reason -> certificates.revoke(c.id(), reason)));
                revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                actions.add(revoke);
            }
            actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            actions.getStyle().set("gap", "var(--lumo-space-s)");
            return actions;
        }).setAutoWidth(true);
        issued.setHeight("22rem");
        FlexLayout files = new FlexLayout(
                Downloads.link(getTranslation("certificate.downloadZip"), "chung-nhan-lop-" + classId + ".zip", "application/zip",
                        out -> documents.writeZip(classId, out)),
                Downloads.link(getTranslation("certificate.exportCsv"), "chung-nhan-lop-" + classId + ".csv", "text/csv; charset=UTF-8",
                        out -> documents.writeCsv(classId, out, this::getTranslation)));
        files.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        files.getStyle().set("gap", "var(--lumo-space-m)");
        VerticalLayout section = new VerticalLayout(new H3(getTranslation("certificate.issued")), files, issued);
        section.setPadding(false);
        return section;
    }

    /** Certificates issued on paper in past years (brought in by the history import): shown only when the class has some. */
    private VerticalLayout paperSection() {
        paperSection.removeAll();
        paper.removeAllColumns();
        paper.setId("certificates-paper");
        paper.addColumn(PaperCertificate::number).setHeader(getTranslation("certificate.number")).setAutoWidth(true).setFlexGrow(0);
        paper.addColumn(PaperCertificate::traineeName).setHeader(getTranslation("certificate.name")).setFlexGrow(1);
        DateTimeFormatter date = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        var issuedOn = paper.addColumn(c -> date.format(c.issuedOn())).setHeader(getTranslation("certificate.issuedOn"))
                .setAutoWidth(true).setFlexGrow(0);
        // on a phone the date goes, as the code does above, so that the grid does not scroll sideways
        ScreenWidth.whenNarrow(paper, narrow -> issuedOn.setVisible(!narrow));
        paper.addColumn(c -> getTranslation(c.revoked() ? "certificate.status.revoked" : "certificate.status.valid"))
                .setHeader(getTranslation("certificate.status")).setAutoWidth(true);
        if (manages) {
            paper.addComponentColumn(c -> {
                if (c.revoked()) {
                    return new Span();
                }
                Button revoke = new Button(getTranslation("certificate.revoke"), e -> askReason("certificate.revokePaperTitle",
                        reason -> certificates.revokePaper(c.id(), reason)));
                revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                return revoke;
            }).setAutoWidth(true);
        }
        paper.setAllRowsVisible(true);
        H3 title = new H3(getTranslation("certificate.paper"));
        title.setId("certificates-paper-heading");
        paperSection.add(title, new Paragraph(getTranslation("certificate.paperHelp")), paper);
        paperSection.setPadding(false);
        return paperSection;
    }

    private void reload() {
        List<Candidate> list = certificates.candidates(classId);
        candidates.setItems(list);
        candidates.deselectAll();
        list.stream().filter(c -> c.completed() && !c.certified()).forEach(candidates::select);
        issued.setItems(certificates.ofClass(classId));
        List<FollowUp> due = certificates.followUp(classId);
        followUp.setItems(due);
        followUpSection.setVisible(!due.isEmpty());
        List<PaperCertificate> onPaper = certificates.paperOfClass(classId);
        paper.setItems(onPaper);
        paperSection.setVisible(!onPaper.isEmpty());
    }

    private void issueSelected() {
        Set<Candidate> chosen = candidates.getSelectedItems();
        if (chosen.isEmpty()) {
            Notifications.error(new ValidationException("certificate.error.noneChosen"));
            return;
        }
        List<Long> ids = chosen.stream().map(Candidate::personId).toList();
        if (chosen.stream().anyMatch(c -> !c.completed() && !c.certified())) {
            askReason("certificate.exceptionTitle", reason -> issue(ids, reason));
        } else {
            issueAndReload(ids);
        }
    }

    private void issue(List<Long> ids, @Nullable String reason) {
        int n = certificates.issue(classId, ids, reason).size();
        Notifications.success("certificate.issuedCount", n);
    }

    /** A dialog that asks why (an exception to the rule, a revocation); the action runs only with a reason. */
    private void askReason(String titleKey, Consumer<String> action) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(titleKey));
        TextArea reason = new TextArea(getTranslation("certificate.reason"));
        reason.setMaxLength(500);
        reason.setWidthFull();
        reason.setId("certificate-reason");
        Button confirm = new Button(getTranslation("certificate.confirm"), e -> {
            try {
                action.accept(reason.getValue());
                dialog.close();
                reload();
            } catch (ValidationException invalid) {
                Notifications.error(invalid);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("certificate-reason-confirm");
        dialog.add(reason);
        dialog.getFooter().add(new Button(getTranslation("certificate.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    void issueAndReload(List<Long> ids) {
        try {
            issue(ids, null);
        } catch (ValidationException invalid) {
            Notifications.error(invalid);
        }
        reload();
    }
}
