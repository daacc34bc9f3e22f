import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Text } from '@fluentui/react-components';

export interface RulesListProps {
  readonly active: readonly { id: string; label: string; source: string }[];
  readonly inactive: readonly { id: string; label: string; reason: string }[];
}

/** Which rules this tracker supports, and why the others are not tracked. */
export function RulesList({ active, inactive }: RulesListProps) {
  return (
    <Accordion collapsible multiple>
      <AccordionItem value="active">
        <AccordionHeader>Rules checked ({active.length})</AccordionHeader>
        <AccordionPanel>
          <ul>
            {active.map((rule) => (
              <li key={rule.id}>
                <Text>{rule.label}</Text> <Text size={200}>({rule.source})</Text>
              </li>
            ))}
          </ul>
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="inactive">
        <AccordionHeader>Rules not tracked ({inactive.length})</AccordionHeader>
        <AccordionPanel>
          <ul>
            {inactive.map((rule) => (
              <li key={rule.id}>
                <Text>{rule.label}</Text>: <Text size={200}>{rule.reason}</Text>
              </li>
            ))}
          </ul>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
