package vn.ntm.portal.reporting.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.shared.Registration;

import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * Apache ECharts as a small Vaadin component, with no frontend build: the element loads the library once per page from
 * the webjar ({@code webjars/echarts/5.5.0/echarts.min.js}), keeps its chart on itself, and is given its options as
 * JSON through executeJs. A click on a bar or point comes back as a DOM event {@code chart-click} with its index.
 */
class EChart extends Div {

    private static final String LOAD = """
            const el = this;
            // on a phone, bars lie flat with the names on the left (names under upright bars overlap there),
            // and other charts thin out their labels rather than printing them over each other
            const fit = (o, el) => {
              const narrow = el.clientWidth < 500;
              o.legend = Object.assign(o.legend || {}, {type: 'scroll'});
              if (narrow && o.series.every(s => s.type === 'bar')) {
                const names = o.xAxis;
                o.xAxis = o.yAxis;
                o.yAxis = Object.assign(names, {inverse: true,
                  axisLabel: {interval: 0, rotate: 0, width: Math.round(el.clientWidth * 0.35), overflow: 'truncate'}});
                el.style.height = Math.max(300, 70 + names.data.length * 22 * Math.max(1, o.series.length)) + 'px';
              } else if (narrow) {
                o.xAxis.axisLabel = {hideOverlap: true, rotate: 45, width: 90, overflow: 'truncate'};
              }
              return o;
            };
            window.ntmEcharts = window.ntmEcharts || new Promise((resolve, reject) => {
              const s = document.createElement('script');
              s.src = 'webjars/echarts/5.5.0/echarts.min.js';
              s.onload = () => resolve(window.echarts);
              s.onerror = reject;
              document.head.appendChild(s);
            });
            window.ntmEcharts.then(echarts => {
              if (!el.chart) {
                el.chart = echarts.init(el, null, {renderer: 'canvas'});
                el.chart.on('click', p => el.dispatchEvent(new CustomEvent('chart-click', {detail: {index: p.dataIndex}})));
                new ResizeObserver(() => el.chart && el.chart.resize()).observe(el);
              }
              el.chart.setOption(fit(JSON.parse($0), el), true);
              el.setAttribute('data-ready', 'true');
            });""";

    EChart(String id) {
        setId(id);
        addClassName("echart");
        setWidthFull();
        setHeight("300px");
    }

    /** Bars (or a line) over categories; one series per name. */
    void show(String type, List<String> categories, List<String> names, List<List<Long>> values) {
        StringBuilder series = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                series.append(',');
            }
            series.append("{\"name\":").append(quote(names.get(i))).append(",\"type\":\"").append(type)
                    .append("\",\"data\":[").append(values.get(i).stream().map(String::valueOf).collect(Collectors.joining(",")))
                    .append("]}");
        }
        String option = "{\"tooltip\":{\"trigger\":\"axis\"},\"legend\":{\"top\":0},"
                + "\"grid\":{\"left\":8,\"right\":8,\"bottom\":8,\"top\":36,\"containLabel\":true},"
                + "\"xAxis\":{\"type\":\"category\",\"axisLabel\":{\"interval\":0,\"rotate\":" + (categories.size() > 5 ? 30 : 0) + "},\"data\":["
                + categories.stream().map(EChart::quote).collect(Collectors.joining(",")) + "]},"
                + "\"yAxis\":{\"type\":\"value\"},\"series\":[" + series + "]}";
        getElement().removeAttribute("data-ready");
        getElement().executeJs(LOAD, option);
    }

    Registration onClick(IntConsumer index) {
        return getElement().addEventListener("chart-click", e -> index.accept((int) e.getEventData().get("event.detail.index").asDouble()))
                .addEventData("event.detail.index");
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '<' -> b.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
