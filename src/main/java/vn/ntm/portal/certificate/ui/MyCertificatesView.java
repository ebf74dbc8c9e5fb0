package vn.ntm.portal.certificate.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.ntm.portal.certificate.CertificateDocuments;
import vn.ntm.portal.certificate.CertificateService;
import vn.ntm.portal.certificate.IssuedCertificate;

import java.time.format.DateTimeFormatter;
import java.util.List;

/** "Chứng nhận của tôi": the signed-in trainee's certificates, each downloadable as PDF. */
@Route("my-certificates")
@PageTitle("nav.myCertificates")
@Menu(title = "nav.myCertificates", order = 8, icon = "vaadin:diploma")
@RolesAllowed("TRAINEE")
class MyCertificatesView extends VerticalLayout {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    MyCertificatesView(CertificateService certificates, CertificateDocuments documents) {
        List<IssuedCertificate> mine = certificates.mine();
        if (mine.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("certificate.mine.none"));
            none.setId("my-certificates-none");
            add(none);
            return;
        }
        Grid<IssuedCertificate> grid = new Grid<>();
        grid.setId("my-certificates");
        grid.addColumn(IssuedCertificate::classTitle).setHeader(getTranslation("certificate.class")).setFlexGrow(1);
        grid.addColumn(IssuedCertificate::number).setHeader(getTranslation("certificate.number")).setAutoWidth(true);
        grid.addColumn(c -> DATE.format(c.issuedOn())).setHeader(getTranslation("certificate.issuedOn")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation(c.revoked() ? "certificate.status.revoked" : "certificate.status.valid"))
                .setHeader(getTranslation("certificate.status")).setAutoWidth(true);
        grid.addComponentColumn(c -> Downloads.link(getTranslation("certificate.downloadPdf"), CertificateDocuments.fileName(c),
                "application/pdf", out -> documents.writePdf(c.id(), out))).setAutoWidth(true);
        grid.setItems(mine);
        grid.setAllRowsVisible(true);
        add(grid);
    }
}
