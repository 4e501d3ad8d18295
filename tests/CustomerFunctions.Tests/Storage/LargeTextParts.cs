using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Tests.Storage;

/// <summary>Long strings split into properties that each fit Azure's limit, and read back whole; outbox rows split by size.</summary>
public sealed class LargeTextParts
{
    [Fact]
    public void AValueThatFits_IsOneProperty_AsBefore()
    {
        var row = new TableEntity("p", "r");
        LargeText.Write(row, "Body", new string('a', LargeText.PartLength));
        Assert.Equal(new string('a', LargeText.PartLength), row.GetString("Body"));
        Assert.False(row.ContainsKey("Body1"));
        Assert.Equal(new string('a', LargeText.PartLength), LargeText.Read(row, "Body"));
    }

    [Fact]
    public void ALongValue_IsSplitIntoPartsUnderTheLimit_AndReadBackWhole()
    {
        var value = string.Concat(Enumerable.Range(0, 75_001).Select(i => (char)('a' + i % 26)));
        var row = new TableEntity("p", "r");
        LargeText.Write(row, "Body", value);
        Assert.Equal((30_000, 30_000, 15_001), (row.GetString("Body")!.Length, row.GetString("Body1")!.Length, row.GetString("Body2")!.Length));
        Assert.False(row.ContainsKey("Body3"));
        Assert.Equal(value, LargeText.Read(row, "Body"));
    }

    [Fact]
    public void ASurrogatePairAtTheSplit_StaysInOnePart()
    {
        var value = new string('a', LargeText.PartLength - 1) + "😀" + new string('b', 10);
        var row = new TableEntity("p", "r");
        LargeText.Write(row, "Body", value);
        Assert.Equal(LargeText.PartLength - 1, row.GetString("Body")!.Length);
        Assert.StartsWith("😀", row.GetString("Body1"), StringComparison.Ordinal);
        Assert.Equal(value, LargeText.Read(row, "Body"));
    }

    [Fact]
    public void WritingAShorterValueOrNull_LeavesNoOldPartsBehind()
    {
        var row = new TableEntity("p", "r");
        LargeText.Write(row, "Body", new string('a', 70_000));
        LargeText.Write(row, "Body", new string('b', 40_000));
        Assert.False(row.ContainsKey("Body2"));
        Assert.Equal(new string('b', 40_000), LargeText.Read(row, "Body"));

        LargeText.Write(row, "Body", null);
        Assert.False(row.ContainsKey("Body1"));
        Assert.Null(LargeText.Read(row, "Body"));
    }

    [Fact]
    public void OutboxEffects_FillOneRowWhileTheyFit_ThenMoreRows_EachWithinAnEntitysLimits()
    {
        var few = Effects(3, 100);
        var single = Assert.Single(Outbox.Rows("acct", "cmd", few));
        Assert.Equal("outbox|cmd", single.RowKey);
        Assert.Equal(JsonSerializer.Serialize<IReadOnlyList<SideEffect>>(few, Json.Effects), single.GetString("Effects"));

        var many = Effects(400, 3_000);
        var rows = Outbox.Rows("acct", "cmd", many);
        Assert.Equal(["outbox|cmd", "outbox|cmd|1", "outbox|cmd|2"], rows.Select(r => r.RowKey));
        var read = rows.SelectMany(r => JsonSerializer.Deserialize<List<SideEffect>>(LargeText.Read(r, "Effects")!, Json.Effects)!).ToList();
        Assert.Equal(many.Select(e => ((SendEmail)e).Message.Id), read.Select(e => ((SendEmail)e).Message.Id));
        Assert.All(rows, r => Assert.True(LargeText.Read(r, "Effects")!.Length <= Outbox.MaxRowLength));
    }

    private static List<SideEffect> Effects(int count, int length) =>
        Enumerable.Range(0, count).Select(i => (SideEffect)new SendEmail(new EmailMessage($"e{i}", "t", "en", $"u{i}@example.test", null,
            new Dictionary<string, string> { ["text"] = new string('ö', length) }))).ToList();
}
