namespace CustomerFunctions.Core.Storage;

/// <summary>What erasing a deleted account does to the rows of one kind (every kind must say).</summary>
public enum Erasure
{
    /// <summary>The rows hold no personal data (or only ids): they stay as the deleted account's record.</summary>
    Keep,

    /// <summary>The rows go.</summary>
    Delete,

    /// <summary>The rows stay with their personal values erased (names, emails, free text).</summary>
    Scrub,
}
