using System.Diagnostics.Metrics;

namespace CustomerFunctions.Core.Telemetry;

/// <summary>
/// The service's counters (meter <c>CustomerFunctions</c>). Tags name routes, templates and reasons only: never a
/// user, an address or an account, so the series stay few and carry no personal data. Made through
/// <see cref="IMeterFactory"/>, so each host (and each test server) owns its instruments.
/// </summary>
public sealed class CustomerMetrics
{
    private readonly Counter<long> commands;
    private readonly Counter<long> conflictsRetried;
    private readonly Counter<long> emailsSent;
    private readonly Counter<long> emailsDeferred;
    private readonly Counter<long> emailsPoisoned;
    private readonly Counter<long> emailsErased;
    private readonly Counter<long> deletionsSwept;
    private readonly Counter<long> effectsParked;

    public CustomerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(CustomerTelemetry.Name);
        commands = meter.CreateCounter<long>("customerfunctions.commands", "{command}", "Write requests answered, by route and status code.");
        conflictsRetried = meter.CreateCounter<long>("customerfunctions.conflicts.retried", "{conflict}", "Commands run again after losing an optimistic-concurrency race, by route.");
        emailsSent = meter.CreateCounter<long>("customerfunctions.emails.sent", "{email}", "Emails handed to the provider, by template.");
        emailsDeferred = meter.CreateCounter<long>("customerfunctions.emails.deferred", "{email}", "Emails put back on the queue to go later, by template and reason (busy, rate, budget, throttled).");
        emailsErased = meter.CreateCounter<long>("customerfunctions.emails.erased", "{email}", "Queued emails dropped unsent because their account was erased (their key is gone), by template.");
        emailsPoisoned = meter.CreateCounter<long>("customerfunctions.emails.poisoned", "{email}", "Emails that failed their last try and were kept in emails-poison, by template.");
        deletionsSwept = meter.CreateCounter<long>("customerfunctions.deletions.swept", "{account}", "Due deletions the sweep carried out (deleted) or cancelled because a rule no longer held (refused).");
        effectsParked = meter.CreateCounter<long>("customerfunctions.outbox.effects.parked", "{row}", "Outbox rows parked after too many failed attempts, by effect kinds.");
    }

    public void CommandAnswered(string route, int statusCode) =>
        commands.Add(1, new("route", route), new("http.response.status_code", statusCode));

    public void ConflictRetried(string route) => conflictsRetried.Add(1, new KeyValuePair<string, object?>("route", route));

    public void EmailSent(string template) => emailsSent.Add(1, new KeyValuePair<string, object?>("template", template));

    public void EmailDeferred(string template, string reason) =>
        emailsDeferred.Add(1, new("template", template), new("reason", reason));

    public void EmailErased(string template) => emailsErased.Add(1, new KeyValuePair<string, object?>("template", template));

    public void EmailPoisoned(string template) => emailsPoisoned.Add(1, new KeyValuePair<string, object?>("template", template));

    public void DeletionSwept(string outcome) => deletionsSwept.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void EffectParked(string kinds) => effectsParked.Add(1, new KeyValuePair<string, object?>("effects", kinds));
}
