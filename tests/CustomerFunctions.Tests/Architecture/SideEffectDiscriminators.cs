using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Deletion;
using CustomerFunctions.Core.Email;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Messages;
using CustomerFunctions.Core.Registration;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Tests.Architecture;

/// <summary>Outbox rows outlive deployments: every side effect has a discriminator that is declared, not derived from its class name (no I/O).</summary>
public sealed class SideEffectDiscriminators
{
    /// <summary>
    /// An outbox row's Effects column as the reflection-based serializer wrote it before the discriminators were
    /// declared (one effect of every kind, produced by that code). Rows like it may still wait in storage.
    /// </summary>
    private const string RowWrittenBeforeDeclaredDiscriminators =
        """[{"kind":"SyncAccountListing"},{"kind":"SyncMembership","userId":"user-1"},{"kind":"SyncAllMemberships"},{"kind":"IndexToken","purpose":"invitation","tokenHash":"hash-1","rowKey":"invitation|i-1"},{"kind":"RemoveToken","purpose":"invitation","tokenHash":"hash-2"},{"kind":"SendEmail","message":{"id":"email-1","template":"invitation","language":"de","to":"ivy@example.test","toName":"Ivy","values":{"link":"https://panel.test/accept?token=t"},"accountId":"acme"}},{"kind":"FanOutPartnerMessage","messageId":"message-1"},{"kind":"SyncMessageInbox","messageId":"message-2","onlyUserId":"user-2"},{"kind":"ForgetRegistration","tokenHash":"hash-3"},{"kind":"ScheduleDeletion","dueAt":"2026-11-12T09:00:00+00:00"},{"kind":"UnscheduleDeletion","dueAt":"2026-11-12T09:00:00+00:00"},{"kind":"EraseAccountData"}]""";

    private static readonly DateTimeOffset Due = new(2026, 11, 12, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EveryConcreteSideEffect_IsListedWithItsOwnDiscriminator()
    {
        var concrete = typeof(SideEffect).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(SideEffect)) && !t.IsAbstract)
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)
            .ToList();
        var declared = typeof(SideEffect).GetCustomAttributes(typeof(JsonDerivedTypeAttribute), inherit: false).Cast<JsonDerivedTypeAttribute>().ToList();

        Assert.Equal(concrete, declared.Select(d => d.DerivedType.FullName!).Order(StringComparer.Ordinal).ToList());
        Assert.All(declared, d => Assert.IsType<string>(d.TypeDiscriminator));
        Assert.Equal(declared.Count, declared.Select(d => d.TypeDiscriminator).Distinct().Count());
        Assert.Equal("kind", Json.Effects.GetTypeInfo(typeof(SideEffect)).PolymorphismOptions?.TypeDiscriminatorPropertyName);
    }

    [Fact]
    public void AnOutboxRowWrittenBeforeDeclaredDiscriminators_StillReadsBackAsTheSameEffects()
    {
        var effects = JsonSerializer.Deserialize<List<SideEffect>>(RowWrittenBeforeDeclaredDiscriminators, Json.Effects)!;

        Assert.Collection(effects,
            e => Assert.IsType<SyncAccountListing>(e),
            e => Assert.Equal(new SyncMembership("user-1"), e),
            e => Assert.IsType<SyncAllMemberships>(e),
            e => Assert.Equal(new IndexToken("invitation", "hash-1", "invitation|i-1"), e),
            e => Assert.Equal(new RemoveToken("invitation", "hash-2"), e),
            e =>
            {
                var message = Assert.IsType<SendEmail>(e).Message;
                Assert.Equal(("email-1", "invitation", "de", "ivy@example.test", "Ivy", "acme"), (message.Id, message.Template, message.Language, message.To, message.ToName, message.AccountId));
                Assert.Equal("https://panel.test/accept?token=t", message.Values["link"]);
            },
            e => Assert.Equal(new FanOutPartnerMessage("message-1"), e),
            e => Assert.Equal(new SyncMessageInbox("message-2", "user-2"), e),
            e => Assert.Equal(new ForgetRegistration("hash-3"), e),
            e => Assert.Equal(new ScheduleDeletion(Due), e),
            e => Assert.Equal(new UnscheduleDeletion(Due), e),
            e => Assert.IsType<EraseAccountData>(e));
    }

    [Fact]
    public void SideEffects_AreWrittenExactlyAsBefore()
    {
        List<SideEffect> effects =
        [
            new SyncAccountListing(),
            new SyncMembership("user-1"),
            new SyncAllMemberships(),
            new IndexToken("invitation", "hash-1", "invitation|i-1"),
            new RemoveToken("invitation", "hash-2"),
            new SendEmail(new EmailMessage("email-1", "invitation", "de", "ivy@example.test", "Ivy", new Dictionary<string, string> { ["link"] = "https://panel.test/accept?token=t" }) { AccountId = "acme" }),
            new FanOutPartnerMessage("message-1"),
            new SyncMessageInbox("message-2", "user-2"),
            new ForgetRegistration("hash-3"),
            new ScheduleDeletion(Due),
            new UnscheduleDeletion(Due),
            new EraseAccountData(),
        ];

        Assert.Equal(RowWrittenBeforeDeclaredDiscriminators, JsonSerializer.Serialize(effects, Json.Effects));
    }
}
