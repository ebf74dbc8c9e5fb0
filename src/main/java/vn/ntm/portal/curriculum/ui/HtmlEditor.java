package vn.ntm.portal.curriculum.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rich-text field: TinyMCE 6 (MIT, served from its webjar, loaded the first time an editor is shown, no cloud and no
 * key) over a textarea in the light DOM. The HTML comes back to the server in an {@code html-change} DOM event on
 * change, on blur and a moment after typing stops. What the browser sends is not trusted: the service sanitizes it
 * (see LessonHtml) before anything is stored.
 * Editors whose textarea has left the page are removed the next time one starts.
 * <p>
 * TinyMCE opens its menus and dialogs at the end of the page body, which a modal Vaadin dialog (in the browser's top
 * layer) would cover: use this field on a page, not in a dialog.
 */
class HtmlEditor extends CustomField<String> {

    static final String TINYMCE = "webjars/tinymce/6.8.3";

    /** TinyMCE's own English labels that the toolbar and its dialogs show, translated through our keys. */
    private static final List<String> LABELS = List.of("Undo", "Redo", "Blocks", "Paragraph", "Heading 2", "Heading 3",
            "Heading 4", "Bold", "Italic", "Underline", "Bullet list", "Numbered list", "Insert/edit link", "Insert/Edit Link",
            "Insert/edit image", "Insert/Edit Image", "Table", "URL", "Url", "Text to display", "Title", "Open link in...",
            "Current window", "New window", "Save", "Cancel", "Source", "Alternative description", "Width", "Height",
            "Rich Text Area", "Table properties", "Delete table", "Insert row before", "Insert row after", "Delete row",
            "Insert column before", "Insert column after", "Delete column", "Row", "Column", "Cell", "Remove link",
            "Open link", "Image description", "Reveal or hide additional toolbar items", "General", "Dimensions");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Element textarea = new Element("textarea");
    private String html = "";

    HtmlEditor() {
        Div holder = new Div();
        holder.setWidthFull();
        holder.getElement().appendChild(textarea);
        textarea.getStyle().set("width", "100%").set("min-height", "14rem");
        add(holder);
        setWidthFull();
        addClassName("html-editor");
        getElement().addEventListener("html-change", e -> {
            html = e.getEventData().path("event.detail").asString("");
            updateValue();
        }).addEventData("event.detail");
    }

    @Override
    protected String generateModelValue() {
        return html;
    }

    @Override
    protected void setPresentationValue(String value) {
        html = value == null ? "" : value;
        textarea.setProperty("value", html);
        textarea.executeJs("if (this.$editor && this.$editor.initialized) { this.$editor.setContent($0); this.$last = this.$editor.getContent(); }", html);
    }

    @Override
    public String getEmptyValue() {
        return "";
    }

    /** The block menu names its formats in the reader's language itself (TinyMCE shows these titles as given). */
    private String blockFormats() {
        return getTranslation("rte.Paragraph") + "=p; " + getTranslation("rte.Heading2") + "=h2; "
                + getTranslation("rte.Heading3") + "=h3; " + getTranslation("rte.Heading4") + "=h4";
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        Map<String, String> labels = new LinkedHashMap<>();
        for (String label : LABELS) {
            String key = "rte." + label.replaceAll("[^A-Za-z0-9]", "");
            labels.put(label, getTranslation(key));
        }
        getElement().executeJs("""
                const host = this;
                const area = $0;
                const base = new URL($1, document.baseURI).href.replace(/\\/$/, '');
                const start = () => {
                  tinymce.addI18n('en', JSON.parse($2));
                  tinymce.get().filter(e => !e.getElement() || !e.getElement().isConnected || e.getElement() === area).forEach(e => e.remove());
                  tinymce.init({
                    target: area, base_url: base, suffix: '.min',
                    menubar: false, branding: false, promotion: false, statusbar: false, toolbar_mode: 'wrap',
                    plugins: 'lists link table image autoresize',
                    toolbar: 'undo redo | blocks | bold italic underline | bullist numlist | link image table',
                    block_formats: $3,
                    link_default_protocol: 'https', link_assume_external_targets: true, target_list: false,
                    image_dimensions: false, image_description: true,
                    table_default_styles: {}, table_default_attributes: {}, table_use_colgroups: false,
                    relative_urls: false, remove_script_host: true, convert_urls: true,
                    min_height: 260, autoresize_bottom_margin: 20, content_style: 'body { font-family: system-ui, sans-serif; font-size: 16px; }',
                    setup: (editor) => {
                      area.$editor = editor;
                      let timer;
                      const send = () => {
                        clearTimeout(timer);
                        const value = editor.getContent();
                        if (value !== area.$last) {
                          area.$last = value;
                          host.dispatchEvent(new CustomEvent('html-change', {detail: value}));
                        }
                      };
                      editor.on('change blur undo redo ExecCommand', send);
                      editor.on('input keyup paste', () => { clearTimeout(timer); timer = setTimeout(send, 400); });
                      editor.on('init', () => { area.$last = editor.getContent(); host.setAttribute('editor-ready', ''); });
                    }
                  });
                };
                if (window.tinymce) {
                  start();
                } else {
                  window.$portalTinymce = window.$portalTinymce || new Promise((resolve, reject) => {
                    const script = document.createElement('script');
                    script.src = base + '/tinymce.min.js';
                    script.onload = resolve;
                    script.onerror = reject;
                    document.head.appendChild(script);
                  });
                  window.$portalTinymce.then(start);
                }
                """, textarea, TINYMCE, JSON.writeValueAsString(labels), blockFormats());
    }
}
