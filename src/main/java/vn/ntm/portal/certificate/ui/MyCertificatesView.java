package vn.ntm.portal.certificate.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import vn.ntm.portal.certificate.CertificateDocuments;
import vn.ntm.portal.certificate.CertificateService;
import vn.ntm.portal.certificate.IssuedCertificate;
import vn.ntm.portal.certificate.PaperCertificate;
import vn.ntm.portal.shell.PortalIcon;
import vn.ntm.portal.shell.ScreenWidth;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * "Chứng nhận của tôi": the signed-in trainee's certificates, newest first. Those issued here download as PDF; those
 * issued on paper in past years (brought in from the old records) have no PDF and link to their public verification.
 */
@Route("my-certificates")
@PageTitle("nav.myCertificates")
@Menu(title = "nav.myCertificates", order = 8, icon = "vaadin:diploma")
@RolesAllowed("TRAINEE")
class MyCertificatesView extends VerticalLayout {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** One line of the list: a certificate issued here ({@code issued}) or one issued on paper ({@code paper}). */
    record Held(String classTitle, String classCode, String number, LocalDate issuedOn, @Nullable Instant revokedAt,
                @Nullable IssuedCertificate issued, @Nullable PaperCertificate paper) {

        static Held of(IssuedCertificate c) {
            return new Held(c.classTitle(), c.classCode(), c.number(), c.issuedOn(), c.revokedAt(), c, null);
        }

        static Held of(PaperCertificate c) {
            return new Held(c.classTitle(), c.classCode(), c.number(), c.issuedOn(), c.revokedAt(), null, c);
        }
    }

    private final CertificateDocuments documents;

    MyCertificatesView(CertificateService certificates, CertificateDocuments documents) {
        this.documents = documents;
        List<PaperCertificate> onPaper = certificates.minePaper();
        List<Held> mine = Stream.concat(certificates.mine().stream().map(Held::of), onPaper.stream().map(Held::of))
                .sorted(Comparator.comparing(Held::issuedOn).reversed()).toList();
        if (mine.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("certificate.mine.none"));
            none.setId("my-certificates-none");
            add(none);
            return;
        }
        Grid<Held> grid = new Grid<>();
        grid.setId("my-certificates");
        // a phone 360 px wide keeps two columns: the certificate (title, number, class code, its link) and its status
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(this::certificateCell).setHeader(getTranslation("certificate.mine.certificate")).setFlexGrow(1);
        var issuedOn = grid.addColumn(c -> DATE.format(c.issuedOn())).setHeader(getTranslation("certificate.issuedOn"))
                .setAutoWidth(true).setFlexGrow(0);
        ScreenWidth.whenNarrow(grid, narrow -> issuedOn.setVisible(!narrow));
        grid.addColumn(c -> c.revokedAt() == null ? getTranslation("certificate.status.valid")
                        : getTranslation("certificate.status.revokedOn", DATE.format(c.revokedAt().atZone(ZONE))))
                .setHeader(getTranslation("certificate.status")).setWidth("8.5em").setFlexGrow(0);
        grid.setItems(mine);
        grid.setAllRowsVisible(true);
        add(grid);
        if (!onPaper.isEmpty()) {
            Paragraph note = new Paragraph(getTranslation("certificate.mine.paperNote"));
            note.setId("my-certificates-paper-note");
            note.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            add(note);
        }
    }

    /**
     * The class's title; below it the certificate's number, the class's code and, for one issued on paper, a mark
     * saying so; then its PDF or, for one on paper, its verification page.
     */
    private Component certificateCell(Held c) {
        Div below = new Div();
        below.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)")
                .set("display", "flex").set("flex-wrap", "wrap").set("column-gap", "var(--lumo-space-s)").set("align-items", "center");
        below.add(new Span(getTranslation("certificate.number") + " " + c.number()));
        if (!c.classCode().isBlank()) {
            below.add(new Span(c.classCode()));
        }
        if (c.paper() != null) {
            Span paper = new Span(getTranslation("certificate.mine.onPaper"));
            paper.getElement().getThemeList().add("badge contrast small");
            paper.addClassName("paper-mark");
            below.add(paper);
        }
        return new Div(new Div(c.classTitle()), below, action(c));
    }

    /** A certificate issued here downloads as PDF; one issued on paper has none, so its public verification page opens. */
    private Component action(Held c) {
        IssuedCertificate issued = c.issued();
        if (issued != null) {
            return Downloads.link(getTranslation("certificate.downloadPdf"), CertificateDocuments.fileName(issued), "application/pdf",
                    out -> documents.writePdf(issued.id(), out));
        }
        Anchor verify = new Anchor(c.paper().verifyPath(), "");
        verify.add(PortalIcon.LINK.create());
        verify.add(getTranslation("certificate.mine.verify"));
        verify.setTarget(AnchorTarget.BLANK);
        // a page of the server, not a view: the router must let the browser open it
        verify.setRouterIgnore(true);
        verify.addClassName("verify-link");
        return verify;
    }
}
