package vn.ntm.portal.certificate.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;

import java.io.OutputStream;
import vn.ntm.portal.shell.PortalIcon;

/** Links that write a file straight into the response, as it is made (a class's ZIP is never held in memory). */
final class Downloads {

    interface Writer {
        void write(OutputStream out) throws java.io.IOException;
    }

    private Downloads() {
    }

    static Anchor link(String label, String fileName, String contentType, Writer writer) {
        DownloadHandler handler = event -> {
            event.setFileName(fileName);
            event.setContentType(contentType);
            try (OutputStream out = event.getOutputStream()) {
                writer.write(out);
            }
        };
        Anchor anchor = new Anchor(handler, "");
        anchor.add(PortalIcon.DOWNLOAD.create());
        anchor.add(label);
        anchor.getElement().setAttribute("download", true);
        anchor.addClassName("export-link");
        return anchor;
    }
}
