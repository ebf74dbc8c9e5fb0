package vn.ntm.portal.certificate.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.ntm.portal.certificate.CertificateTemplates;

/**
 * The certificate of an online module: its template, and whether a learner receives it on completing the module.
 * Reached from the module editor; the service lets only the authors of the module's programme in.
 */
@Route("module-certificate")
@PageTitle("certificate.moduleTemplate")
@RolesAllowed({"ADMIN", "COORDINATOR", "TRAINER"})
class ModuleCertificateView extends VerticalLayout implements HasUrlParameter<Long> {

    private final CertificateTemplates templates;

    ModuleCertificateView(CertificateTemplates templates) {
        this.templates = templates;
        addClassName("module-certificate");
    }

    @Override
    public void setParameter(BeforeEvent event, Long moduleId) {
        removeAll();
        String title = templates.moduleTitle(moduleId);
        H2 heading = new H2(getTranslation("certificate.moduleTemplate") + ": " + title);
        heading.setId("module-certificate-heading");
        add(heading, new Paragraph(getTranslation("certificate.moduleTemplateHelp")), TemplatePanel.ofModule(templates, moduleId));
    }
}
