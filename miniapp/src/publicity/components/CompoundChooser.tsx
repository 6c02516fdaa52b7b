import { Text, View } from '@tarojs/components'
import type { MyHousehold } from '@linyi/shared'
import { BigButton } from '../../components/BigButton'

/** My compounds, once each: for a resident with homes in more than one. */
export const myCompounds = (households: MyHousehold[]) =>
  [...new Map(households.map((h) => [h.compoundId, { compoundId: h.compoundId, compoundName: h.compoundName }])).values()]

/** Which compound (or household) the page is about, as big buttons. */
export function Chooser({ title, choices, onChoose }: { title: string; choices: Array<{ id: string; text: string }>; onChoose: (id: string) => void }) {
  return (
    <View className='card publicity-chooser'>
      <Text className='publicity-card-title'>{title}</Text>
      {choices.map((choice) => (
        <BigButton key={choice.id} variant='secondary' className={`publicity-choice publicity-choice--${choice.id}`} onClick={() => onChoose(choice.id)}>
          {choice.text}
        </BigButton>
      ))}
    </View>
  )
}
