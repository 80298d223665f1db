@sample
Feature: Basics
  The adapter replays a feature file on the Reqnroll runtime exactly as written:
  backgrounds first, then the scenario's steps with their doc strings and tables.

  Background:
    Given the journal notes "feature background"

  Scenario: Background steps run before the scenario
    Then the journal reads "feature background"

  Scenario: A doc string reaches the binding
    When the binding receives the text
      """
      first line
      second line
      """
    Then the received text has 2 lines
    And the received text starts with "first line"

  Scenario: A data table reaches the binding
    When the binding receives the table
      | name  | port |
      | proxy | 8080 |
      | dns   | 53   |
    Then the received table has the columns "name, port" and 2 rows

  @hooks
  Scenario: Hooks run in their order
    Then the hooks ran in the order "first, second"
    But no after-scenario hook has run

  Rule: The rule's background runs after the feature's

    Background:
      Given the journal notes "rule background"

    @outline
    Scenario Outline: Each example row is a scenario of its own
      When the journal notes "<word>"
      Then the journal reads "feature background, rule background, <word>"

      @smoke
      Examples:
        | word  |
        | alpha |
        | beta  |
