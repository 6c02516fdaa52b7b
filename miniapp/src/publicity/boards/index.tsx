import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { LoadError } from '../../components/LoadError'
import { LoadingNotice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { linkProblem } from '../../acceptance/components/acceptance.rules'
import { decodeParam } from '../../consult/link.rules'
import { useBoards } from '../../hooks/records-resident'
import { BoardsView } from '../components/BoardsView'
import { MyCompound } from '../components/MyCompound'
import { LinkProblem } from '../../components/LinkProblem'
import { PublicityRoutes } from '../routes'
import '../publicity.css'

/** 公示牌 (`compoundId`); without it, my only compound, or a choice of mine. */
export default function BoardsPage() {
  const params = useRouter().params
  const problem = linkProblem(params, ['compoundId'])
  const compoundId = decodeParam(params.compoundId)
  const page = (id: string) => <BoardsScreen compoundId={id} />
  return (
    <Screen className='publicity boards-page'>
      <View className='page-header'>
        <Text className='page-title'>公示牌</Text>
        <Text className='text-secondary'>改造用的材料、负责的单位和投诉电话，都在这里公开。</Text>
      </View>
      {problem ? <LinkProblem message={problem} /> : compoundId ? page(compoundId) : <MyCompound name='boards' noHousehold='请先在首页绑定您的房屋，再查看小区的公示牌。' chooseTitle='看哪个小区的公示牌？' route={PublicityRoutes.boards}>{page}</MyCompound>}
    </Screen>
  )
}

function BoardsScreen({ compoundId }: { compoundId: string }) {
  const boards = useBoards(compoundId)
  const retryable = boards.errorStatus !== 403 && boards.errorStatus !== 404
  return (
    <>
      {boards.loading && !boards.data ? <LoadingNotice /> : null}
      {boards.error ? <LoadError name='boards' message={boards.error} stale={Boolean(boards.data)} onRetry={retryable ? () => void boards.reload() : null} /> : null}
      {boards.data ? (
        <>
          <Text className='section-title boards-compound'>{boards.data.compoundName}</Text>
          <BoardsView boards={boards.data} />
          <BigButton variant='secondary' className='boards-complain' onClick={() => void Taro.navigateTo({ url: PublicityRoutes.complaints })}>
            我要提意见建议
          </BigButton>
        </>
      ) : null}
    </>
  )
}
