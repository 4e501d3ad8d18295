namespace CustomerFunctions.Core.Registration;

/// <summary>One of an address's confirmation-email send slots: taken for an hour after the email it was claimed for.</summary>
public sealed record EmailSlot(int Number, DateTimeOffset SentAt)
{
    /// <summary>How long a send slot stays taken after its email.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public DateTimeOffset FreeFrom => SentAt + Window;

    public bool IsFreeAt(DateTimeOffset now) => FreeFrom <= now;
}
