@outcomes
Feature: Outcomes
  Scenarios that do not pass, run on purpose by the adapter's own tests to check how
  failures, undefined steps and skips are reported.

  Scenario: A passing scenario
    Given the journal notes "fine"

  Scenario: A failing step
    Given the journal notes "before the failure"
    When a step fails with "the proxy answered 502"
    Then the journal reads "never checked"

  Scenario: An undefined step
    Given a step nobody has written yet with 42 widgets

  Scenario: A skipping step
    Given the step skips because "the k3s target is not available"

  @skip-in-hook
  Scenario: A hook skips
    Given the journal notes "never written"

  Scenario: Another step skips for the same reason
    Given the step skips because "the k3s target is not available"

  Scenario Outline: <case> is named after its label
    Given the journal notes "<word>"

    Examples:
      | case           | word |
      | A labelled row | one  |
