import { describe, expect, it } from "vitest";
import { chartDataCsv, chartFileName, standaloneSvg } from "./chart-export";

describe("chart export", () => {
  it("writes the numbers behind a chart as CSV, escaping formulas", () => {
    expect(chartDataCsv({ columns: ["k", "WSS"], rows: [[2, 10.5], ["=cmd", -1]] })).toBe("k,WSS\r\n2,10.5\r\n'=cmd,-1\r\n");
  });

  it("names files after the title", () => {
    expect(chartFileName("Segmenttien koko (%)", "png")).toBe("segmenttien-koko.png");
    expect(chartFileName("Ääkköset ja åäö", "svg")).toBe("aakkoset-ja-aao.svg");
    expect(chartFileName("???", "csv")).toBe("chart.csv");
  });

  it("makes a standalone SVG with a namespace and a white background", () => {
    const svg = standaloneSvg('<svg width="10" height="5"><g/></svg>', 10, 5);
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"><rect width="10" height="5" fill="#ffffff"/><g/></svg>');
  });
});
