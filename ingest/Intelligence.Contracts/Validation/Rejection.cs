namespace Intelligence.Contracts.Validation;

/// <summary>A refused input: the reason code and a sentence a person can act on.</summary>
public sealed record Rejection(RejectReason Reason, string Detail)
{
    public string Code => Reason.Code();

    public override string ToString() => $"{Code}: {Detail}";
}
