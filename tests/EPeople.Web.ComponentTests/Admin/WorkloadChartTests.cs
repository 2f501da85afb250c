using System.Globalization;
using Bunit;
using EPeople.Application.Tasks;
using EPeople.Web.Components.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace EPeople.Web.ComponentTests.Admin;

public sealed class WorkloadChartTests
{
    private static IRenderedComponent<WorkloadChart> Render(BunitContext context, bool showUnassigned, params WorkloadBar[] bars)
    {
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        return context.Render<WorkloadChart>(ps => ps
            .Add(c => c.Caption, "부서별")
            .Add(c => c.NameHeader, "부서")
            .Add(c => c.Bars, bars)
            .Add(c => c.ShowUnassigned, showUnassigned));
    }

    private static string Cell(IRenderedComponent<WorkloadChart> chart, string row, string column) =>
        chart.Find($"tr[data-row='{row}'] td[data-sla={column}]").TextContent.Trim();

    [Test]
    public void ShouldWriteEveryNumberAsTextInALabelledTable()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
        using var context = new BunitContext();
        var chart = Render(context, showUnassigned: true, new WorkloadBar("도로관리과", null, new WorkloadCounts(OnTime: 3, AtRisk: 1, Overdue: 2, Unassigned: 1)));

        chart.Find("caption").TextContent.ShouldBe("부서별");
        chart.FindAll("thead th").Select(th => th.TextContent.Trim()).ShouldBe(["부서", "기한 경과", "오늘 마감", "기한 내", "합계", "미지정", "그래프"]);
        chart.Find("tr[data-row='도로관리과'] th[scope=row]").TextContent.Trim().ShouldBe("도로관리과");
        (Cell(chart, "도로관리과", "Overdue"), Cell(chart, "도로관리과", "AtRisk"), Cell(chart, "도로관리과", "OnTime"), Cell(chart, "도로관리과", "Open"), Cell(chart, "도로관리과", "Unassigned"))
            .ShouldBe(("2", "1", "3", "6", "1"));
        // The drawing repeats the numbers, so assistive technology skips it; the legend names each pattern.
        chart.Find("td.bar-column").GetAttribute("aria-hidden").ShouldBe("true");
        chart.FindAll(".workload-legend li").Select(li => li.TextContent.Trim()).ShouldBe(["기한 경과", "오늘 마감", "기한 내"]);
    }

    [Test]
    public void ShouldScaleEveryBarToTheBusiestRowAndDrawNoEmptySegment()
    {
        using var context = new BunitContext();
        var chart = Render(context, showUnassigned: false,
            new WorkloadBar("busy", null, new WorkloadCounts(OnTime: 4, AtRisk: 2, Overdue: 2, Unassigned: 0)),
            new WorkloadBar("half", null, new WorkloadCounts(OnTime: 1, AtRisk: 0, Overdue: 3, Unassigned: 0)),
            new WorkloadBar("idle", null, new WorkloadCounts(0, 0, 0, 0)));

        string[] Widths(string row) =>
            [.. chart.FindAll($"tr[data-row='{row}'] .segment").Select(s => $"{s.GetAttribute("data-segment")}={s.GetAttribute("style")}")];

        Widths("busy").ShouldBe(["Overdue=width: 25%", "AtRisk=width: 25%", "OnTime=width: 50%"]);
        Widths("half").ShouldBe(["Overdue=width: 37.5%", "OnTime=width: 12.5%"]);
        Widths("idle").ShouldBeEmpty();
        chart.FindAll("td[data-sla=Unassigned]").ShouldBeEmpty();
        chart.FindAll("thead th").Count.ShouldBe(6);
    }

    [TestCase(1, 3, "33.3%")]
    [TestCase(0, 0, "0%")]
    [TestCase(7, 7, "100%")]
    public void ShouldWriteWidthsForCssWhateverTheCulture(int value, int largest, string width)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE"); // a decimal comma would break the style
        try
        {
            WorkloadBar.Width(value, largest).ShouldBe(width);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
